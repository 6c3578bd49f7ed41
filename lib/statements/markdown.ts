import MarkdownIt from "markdown-it";

// Statement bodies are Markdown written by staff and shown to the public: raw HTML is escaped,
// links to javascript:/data:/vbscript: are refused by markdown-it, and every link is marked so
// that it passes no rank and no window handle.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Images could track readers and carry misleading content: shown as their text only.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content);

export function renderMarkdown(source: string): string {
  return md.render(source);
}
