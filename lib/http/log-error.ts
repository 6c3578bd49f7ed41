// The one home of what an error may put in the log (scripts/log-redaction.mjs, shared with the
// app server, which installs the redaction over Next's own logging).
export { describeError, installLogRedaction, logUnexpected } from "@/scripts/log-redaction.mjs";
