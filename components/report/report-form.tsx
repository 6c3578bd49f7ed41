"use client";

import {
  lazy,
  Suspense,
  useActionState,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { useForm, type FieldErrors as RhfErrors } from "react-hook-form";
import type { ReportFormState } from "@/lib/http/action-state";
import { IMAGE_TYPES } from "@/lib/image/limits";
import { CATEGORIES, DESCRIPTION_MAX, KINDS } from "@/lib/reports/categories";
import { translatorFor, type Strings, type Translate } from "@/lib/i18n/client-strings";
import {
  reportSchema,
  urlLines,
  type ReportFormValues,
  type ReportInput,
} from "@/lib/reports/schema";
import { detectPlatform, PLATFORMS } from "@/lib/text/canonical-url";
import { describedBy, Field, FieldError, fieldIds, inputClass } from "@/components/ui/field";
import type { Progress } from "./pictures";
import { hasContent, keptReceiptStore, loadDraft, saveDraft, type Draft } from "./draft";
import { schemaResolver } from "./schema-resolver";

type Action = (state: ReportFormState, fd: FormData) => Promise<ReportFormState>;

// Values typed before a post without JavaScript come back from the server as flat strings.
function initialValues(values?: Record<string, string>) {
  return {
    kind: values?.kind ?? "",
    category: values?.category ?? "",
    urls: values?.urls ?? "",
    platform: values?.platform ?? "",
    description: values?.description ?? "",
    seenAt: values?.seenAt ?? "",
    contact: { email: values?.["contact.email"] ?? "", phone: values?.["contact.phone"] ?? "" },
    declaration: values?.declaration === "on",
  };
}

// Loaded after the page: previews, shrinking and upload progress are not in its first load
// (React.lazy rather than next/dynamic, whose wrapper alone weighs ~1 KB of that budget).
const Pictures = lazy(() => import("./pictures"));
// Shown after a send, which starts loading it (and with a service worker, ./offline.ts does, so
// a receipt also shows on a page that came back offline).
const ReceiptPanel = lazy(() => import("./receipt-panel"));

const SUMMARY_FIELDS = [
  "kind",
  "category",
  "urls",
  "platform",
  "description",
  "images",
  "seenAt",
  "contact.email",
  "contact.phone",
  "declaration",
];

const ignore = () => {};

const errorKey = (e: unknown) =>
  e && typeof e === "object" && "message" in e && typeof e.message === "string"
    ? e.message
    : undefined;

/**
 * Without JavaScript the form posts natively to the server action (useActionState). With it,
 * the action is called directly so that a lost connection or a server error is caught here and
 * shown beside the citizen's untouched values, instead of replacing the page.
 */
export function ReportForm({
  action,
  locale,
  strings,
  idempotencyKey,
  shared,
  sharedId,
}: {
  action: Action;
  locale: string;
  strings: Strings;
  idempotencyKey: string;
  /** What another app shared to this page (lib/reports/shared.ts): the first values. */
  shared?: Record<string, string>;
  /** A share the service worker holds (pictures, long texts): taken into the form. */
  sharedId?: string;
}) {
  const t = useMemo(() => translatorFor(strings), [strings]);
  const [nativeState, formAction] = useActionState(action, null);
  const [jsState, setJsState] = useState<ReportFormState>(null);
  // A receipt this tab has not been told is written down (see keepReceipt).
  const keptRaw = useSyncExternalStore(
    keptReceiptStore.subscribe,
    keptReceiptStore.snapshot,
    () => null,
  );
  const kept = useMemo(() => keptReceiptStore.parse(keptRaw), [keptRaw]);
  // Once shown, it stays on screen after the citizen ticks "written down" (which forgets it).
  const [pinned, setPinned] = useState(kept);
  if (kept && kept !== pinned) setPinned(kept);
  const state = jsState ?? nativeState;
  // With a service worker (the page opens again offline), a report sent without a connection
  // waits on the phone and goes when it returns (./offline.ts, loaded once a worker controls).
  const [queued, setQueued] = useState(false);
  const offline = useRef<typeof import("./offline")>(null);
  useEffect(() => {
    const sw = navigator.serviceWorker;
    let stop: (() => void) | undefined;
    const load = () =>
      sw?.controller &&
      !offline.current &&
      import("./offline").then((m) => {
        offline.current = m;
        stop = m.watch(
          () => setQueued(true),
          (r) => {
            setQueued(false);
            setJsState(r);
          },
        );
      }, ignore);
    load();
    sw?.addEventListener("controllerchange", load);
    return () => {
      sw?.removeEventListener("controllerchange", load);
      stop?.();
    };
  }, []);
  const send = async (fd: FormData, upload?: (fd: FormData) => Promise<ReportFormState>) => {
    // Offline with the queue loaded, the report is not even tried: it waits on the phone.
    let r: ReportFormState = { ok: false, code: "service_unavailable" };
    // A request that never reached the server (fetch's TypeError) is offline too: the phone
    // may still believe it is online (a dead Wi-Fi, or the flag not yet updated).
    let unreached = !navigator.onLine;
    if (navigator.onLine || !offline.current)
      try {
        r = await (upload ?? ((f: FormData) => action(null, f)))(fd);
      } catch (error) {
        unreached ||= error instanceof TypeError || !navigator.onLine;
      }
    // Storage refused: said like any failed send, the draft still kept.
    if (!r?.ok && unreached && offline.current)
      return offline.current.queue(fd, locale).then(
        () => setQueued(true),
        () => setJsState(r),
      );
    setJsState(r);
  };
  const shown = state?.ok ? state.data : pinned;
  if (shown)
    return (
      <Suspense fallback={null}>
        <ReceiptPanel
          receipt={shown.receipt}
          submittedAt={shown.submittedAt}
          answer={shown.answer}
          locale={locale}
          t={t}
        />
      </Suspense>
    );
  if (queued)
    return (
      <div
        role="status"
        data-testid="report-queued"
        className="space-y-3 rounded-xl border-2 border-dashed border-brand-600 bg-white p-5"
      >
        <h1 className="text-2xl font-bold text-brand-800">{t("report.queuedTitle")}</h1>
        <p>{t("report.queuedBody")}</p>
      </div>
    );
  return (
    <ReportFields
      state={state}
      formAction={formAction}
      send={send}
      locale={locale}
      t={t}
      pageKey={idempotencyKey}
      shared={shared}
      sharedId={sharedId}
    />
  );
}

type FieldsProps = {
  state: ReportFormState;
  formAction: (fd: FormData) => void;
  send: (fd: FormData, upload?: (fd: FormData) => Promise<ReportFormState>) => Promise<void>;
  locale: string;
  t: Translate;
  pageKey: string;
  shared?: Record<string, string>;
  sharedId?: string;
};

function ReportFields(props: FieldsProps) {
  const { state, formAction, send, locale, t, pageKey, shared, sharedId } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const failed = state && !state.ok ? state : undefined;
  const defaults = initialValues(failed?.values ?? shared);
  const [idempotencyKey, setIdempotencyKey] = useState(failed?.values?.idempotencyKey || pageKey);
  const [restored, setRestored] = useState(false);
  const [clientInvalid, setClientInvalid] = useState(false);

  // Checked on submit, then as the citizen corrects: a message appearing on blur would move
  // the fields below it (the declaration's checkbox) under a finger about to tap it. The focus
  // goes to the error summary, not the first field (GOV.UK's pattern).
  const form = useForm<ReportFormValues, unknown, ReportInput>({
    resolver: schemaResolver(reportSchema),
    defaultValues: defaults as ReportFormValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const { register, watch, formState, handleSubmit } = form;
  const summaryRef = useRef<HTMLDivElement>(null);

  // Restore an unsent draft, then keep saving what is typed.
  useEffect(() => {
    // What was just shared is the report, not an older unsent draft (nor its retry key).
    const draft = shared || sharedId ? null : loadDraft();
    let key = draft?.idempotencyKey;
    if (draft && !failed && hasContent(draft)) {
      const values: Draft = { ...draft };
      delete values.idempotencyKey;
      form.reset({ ...defaults, ...values } as ReportFormValues);
      setRestored(true);
    }
    // A draft keeps its own key (its retry is the same report); otherwise this page's key, or
    // a new one when a worker may have served this page from its copy (another report's key).
    key ??=
      failed?.values?.idempotencyKey ||
      (navigator.serviceWorker?.controller ? crypto.randomUUID() : pageKey);
    setIdempotencyKey(key);
    const sub = watch((values) => saveDraft({ ...(values as Draft), idempotencyKey: key }));
    if (sharedId)
      import("./offline")
        .then((m) => m.takeShared(sharedId, formRef.current!, form.setValue))
        .catch(ignore);
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  const kind = watch("kind") as string;
  const urlsText = (watch("urls") as string) ?? "";
  const description = (watch("description") as string) ?? "";
  const firstUrl = urlsText.split(/\s+/).find((u) => detectPlatform(u));
  const detected = firstUrl ? detectPlatform(firstUrl) : null;

  // A field's messages: the browser's check first, the server's when the browser had none.
  const errs = (name: string): string[] => {
    const client = name
      .split(".")
      .reduce<unknown>(
        (n, k) => (n as Record<string, unknown> | undefined)?.[k],
        formState.errors as RhfErrors,
      );
    const key = errorKey(client) ?? failed?.fieldErrors?.[name];
    return key ? [t(key)] : [];
  };
  const urlErrs = (): string[] => {
    const own = errs("urls");
    const lines = urlLines(urlsText);
    const perLine: string[] = [];
    for (let i = 0; i < 5 + 1; i++) {
      const c = (formState.errors.urls as unknown as unknown[] | undefined)?.[i];
      const key = errorKey(c) ?? failed?.fieldErrors?.[`urls.${i}`];
      if (key) perLine.push(t("report.urlsLine", { line: lines[i] ?? i + 1, message: t(key) }));
    }
    return [...own, ...perLine];
  };

  const [pending, setPending] = useState(false);
  const [fileInput, setFileInput] = useState<HTMLInputElement | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const onSubmit = handleSubmit(
    async () => {
      setClientInvalid(false);
      setPending(true);
      import("./receipt-panel").catch(ignore);
      const fd = new FormData(formRef.current!);
      // With pictures, sent where the upload's progress can be shown (./pictures.tsx).
      const withPictures = fd.getAll("images").some((f) => typeof f !== "string" && f.size > 0);
      if (withPictures) {
        const { uploadWithProgress } = await import("./pictures");
        setProgress({ total: 0, files: [] });
        await send(fd, (f) => uploadWithProgress(f, locale, setProgress));
        setProgress(null);
      } else await send(fd);
      setPending(false);
    },
    () => setClientInvalid(true),
  );

  const showSummary = clientInvalid || failed?.code === "validation_failed";
  const serverFailure = failed && failed.code !== "validation_failed" ? failed : undefined;
  const a11y = (name: string, hint: boolean, e: string[]) => ({
    id: fieldIds(name).id,
    "aria-invalid": e.length > 0 || undefined,
    "aria-describedby": describedBy(name, hint, e),
  });
  const kindErrs = errs("kind");
  const declErrs = errs("declaration");
  const overBy = description.trim().length - DESCRIPTION_MAX;
  // The summary lists every error, in the order of the fields, each a link to its field.
  const summary = showSummary
    ? SUMMARY_FIELDS.flatMap((name) =>
        (name === "urls" ? urlErrs() : errs(name)).map((message) => ({ name, message })),
      )
    : [];
  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [showSummary, formState.submitCount, failed]);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-6"
      aria-labelledby="report-heading"
    >
      <div className="space-y-2">
        <h1 id="report-heading" className="text-2xl font-bold">
          {t("report.heading")}
        </h1>
        <p className="text-muted">{t("report.intro")}</p>
      </div>
      {restored ? (
        <p data-testid="draft-restored" className="rounded-lg bg-brand-50 p-3 text-sm">
          {t("report.draftRestored")}
        </p>
      ) : null}
      {showSummary ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          autoFocus
          data-testid="form-error-summary"
          role="alert"
          aria-labelledby="error-summary-title"
          className="space-y-2 rounded-lg border-2 border-danger bg-danger-50 p-4 text-danger focus:outline-2 focus:outline-offset-2 focus:outline-danger"
        >
          <h2 id="error-summary-title" className="font-bold">
            {t("report.errorSummary")}
          </h2>
          <ul className="list-disc space-y-1 ps-5">
            {summary.map(({ name, message }) => (
              <li key={`${name}:${message}`}>
                <a href={`#${fieldIds(name).id}`} className="font-medium underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {serverFailure ? (
        <p
          data-testid="form-error"
          role="alert"
          className="rounded-lg border border-danger bg-danger-50 p-3 font-medium text-danger"
        >
          {serverFailure.code === "rate_limited"
            ? t("apiErrors.rate_limited", { seconds: serverFailure.retryAfter ?? 60 })
            : t("report.failed")}
        </p>
      ) : null}

      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      <fieldset className="space-y-2" aria-describedby={describedBy("kind", false, kindErrs)}>
        <legend className="mb-2 font-semibold">{t("report.kindLegend")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {KINDS.map((k) => (
            <label
              key={k}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-gray-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                id={k === KINDS[0] ? fieldIds("kind").id : undefined}
                value={k}
                defaultChecked={defaults.kind === k}
                className="mt-1.5 size-5 accent-brand-700"
                aria-invalid={kindErrs.length > 0 || undefined}
                {...register("kind")}
              />
              <span>
                <span className="block font-semibold">{t(`report.kinds.${k}`)}</span>
                <span className="block text-sm text-muted">{t(`report.kinds.${k}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError name="kind" errors={kindErrs} />
      </fieldset>

      <Field name="category" label={t("report.category")} errors={errs("category")}>
        <select
          defaultValue={defaults.category}
          className={inputClass}
          {...a11y("category", false, errs("category"))}
          {...register("category")}
        >
          <option value="">{t("report.categoryPlaceholder")}</option>
          {KINDS.filter((k) => !kind || k === kind).map((k) => (
            <optgroup key={k} label={t(`report.kinds.${k}`)}>
              {CATEGORIES[k].map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>

      <Field name="urls" label={t("report.urls")} hint={t("report.urlsHint")} errors={urlErrs()}>
        <textarea
          rows={3}
          dir="ltr"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          defaultValue={defaults.urls}
          className={`${inputClass} text-start font-mono text-sm`}
          {...a11y("urls", true, urlErrs())}
          {...register("urls")}
        />
      </Field>

      <Field
        name="platform"
        label={t("report.platform")}
        hint={
          detected
            ? t("report.platformDetected", { platform: t(`platforms.${detected}`) })
            : t("report.platformHint")
        }
        errors={errs("platform")}
      >
        <select
          defaultValue={defaults.platform}
          disabled={Boolean(detected)}
          className={inputClass}
          {...a11y("platform", true, errs("platform"))}
          {...register("platform")}
        >
          <option value="">{t("report.platformPlaceholder")}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`platforms.${p}`)}
            </option>
          ))}
        </select>
      </Field>

      <Field
        name="description"
        label={t("report.description")}
        hint={t("report.descriptionHint")}
        errors={errs("description")}
      >
        {/* No maxLength: a long paste is kept whole, and the counter says how much is over. */}
        <textarea
          rows={6}
          defaultValue={defaults.description}
          className={inputClass}
          {...a11y("description", true, errs("description"))}
          {...register("description")}
        />
        <p
          data-testid="description-count"
          className={`text-end text-xs ${overBy > 0 ? "font-semibold text-danger" : "text-muted"}`}
          aria-live={overBy > 0 ? "polite" : undefined}
        >
          {overBy > 0
            ? t("report.descriptionOver", { over: overBy, max: DESCRIPTION_MAX })
            : t("report.descriptionCount", {
                count: description.trim().length,
                max: DESCRIPTION_MAX,
              })}
        </p>
      </Field>

      <Field
        name="images"
        label={t("report.images")}
        hint={t("report.imagesHint")}
        errors={errs("images")}
      >
        <input
          type="file"
          name="images"
          multiple
          accept={IMAGE_TYPES.join(",")}
          ref={setFileInput}
          className={inputClass}
          {...a11y("images", true, errs("images"))}
        />
        <Suspense fallback={null}>
          <Pictures input={fileInput} t={t} progress={progress} />
        </Suspense>
      </Field>

      <Field name="seenAt" label={t("report.seenAt")} errors={errs("seenAt")}>
        <input
          type="date"
          defaultValue={defaults.seenAt}
          min="2000-01-01"
          className={`${inputClass} sm:w-60`}
          {...a11y("seenAt", false, errs("seenAt"))}
          {...register("seenAt")}
        />
      </Field>

      <fieldset className="space-y-4 rounded-xl border border-gray-300 bg-white p-4">
        <legend className="px-1 font-semibold">{t("report.contactLegend")}</legend>
        <p className="text-sm text-muted">{t("report.contactNote")}</p>
        <Field name="contact.email" label={t("report.email")} errors={errs("contact.email")}>
          <input
            type="email"
            dir="ltr"
            autoComplete="email"
            defaultValue={defaults.contact.email}
            className={`${inputClass} text-start`}
            {...a11y("contact.email", false, errs("contact.email"))}
            {...register("contact.email")}
          />
        </Field>
        <label className="flex cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            defaultChecked={failed?.values?.notify === "on"}
            className="mt-1.5 size-5 shrink-0 accent-brand-700"
            {...register("notify")}
          />
          {/* The hint is inside the label: read with it, no describedby needed. */}
          <span>
            {t("report.notify")}
            <span className="block text-sm text-muted">{t("report.notifyHint")}</span>
          </span>
        </label>
        <Field name="contact.phone" label={t("report.phone")} errors={errs("contact.phone")}>
          <input
            type="tel"
            dir="ltr"
            autoComplete="tel"
            defaultValue={defaults.contact.phone}
            className={`${inputClass} text-start`}
            {...a11y("contact.phone", false, errs("contact.phone"))}
            {...register("contact.phone")}
          />
        </Field>
      </fieldset>

      <div className="space-y-1.5">
        <label className="flex cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            defaultChecked={defaults.declaration}
            className="mt-1.5 size-5 shrink-0 accent-brand-700"
            {...a11y("declaration", false, declErrs)}
            {...register("declaration")}
          />
          <span>{t("report.declaration")}</span>
        </label>
        <FieldError name="declaration" errors={declErrs} />
      </div>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto"
      >
        {pending ? t("report.submitting") : t("report.submit")}
      </button>
    </form>
  );
}
