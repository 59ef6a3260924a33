/** The URLs a rendered (sanitized) comment links to: the pipeline counts them and filters them. */
const hrefPattern = /<a\s[^>]*?href="([^"]*)"/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function linksOf(bodyHtml: string): string[] {
  return [...bodyHtml.matchAll(hrefPattern)].map((match) => decodeEntities(match[1]!));
}
