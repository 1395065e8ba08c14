import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown with raw HTML turned off: a tag in a body is shown as text, never parsed. The sanitiser
 * after it is the second wall — whatever markdown-it emits, only these tags and attributes reach a
 * page, links only to http(s), mail and the site itself, images only from the help centre.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const IMAGE_PREFIX = '/api/help/images/';

/** `images/x.png` in a repository article means the help centre's own picture. */
function resolveImage(src: string): string {
  if (/^images\/[a-z0-9-]+\.(png|jpe?g)$/i.test(src)) return `${IMAGE_PREFIX}files/${src.slice('images/'.length)}`;
  return src;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'pre', 'blockquote', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title', 'loading'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // An article's own h1 is the page's title; headings inside start one level lower.
    h1: 'h2',
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer', target: '_blank' } : attribs };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, src: resolveImage(attribs.src ?? ''), loading: 'lazy' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !(frame.attribs.src ?? '').startsWith(IMAGE_PREFIX),
};

/** The article's body as safe HTML for the page. */
export function renderArticleHtml(body: string): string {
  return sanitizeHtml(markdown.render(body), SANITIZE);
}

/** The article's body as plain text, one paragraph a line: what search indexes and passages are cut from. */
export function articlePlainText(html: string): string {
  const withBreaks = html.replace(/<\/(p|h[2-4]|li|tr|pre|blockquote)>/g, '$&\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
