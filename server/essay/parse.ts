/**
 * Parses an essay file (front matter + Markdown) into its metadata and blocks.
 *
 * Only what an essay uses is accepted: `##`/`###` headings, paragraphs with inline formatting and
 * links, an image alone in its paragraph (a figure; its alt text is the caption) and blockquotes
 * (notes). Anything else fails with the file and line, because the content is ours and a construct
 * the page cannot show would otherwise vanish without anyone noticing.
 * Paragraph keys are not made here: they depend on the previous seed (see paragraph-keys.ts).
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Image, Node, Paragraph, PhrasingContent, RootContent } from "mdast";
import { AnchorKeys } from "./anchors.ts";
import { ContentError } from "./content-error.ts";
import { readFrontMatter, type EssayMeta } from "./front-matter.ts";
import type { EssayBlock, InlineNode } from "./types.ts";

export interface DraftParagraph {
  children: InlineNode[];
  /** Plain text, for keys, reading time and descriptions. */
  text: string;
}

/** A block before paragraph keys are assigned; every other block already has its key. */
export type DraftBlock =
  | ({ type: "paragraph" } & DraftParagraph)
  | Extract<EssayBlock, { type: "heading" | "figure" }>
  | { type: "note"; key: string; paragraphs: DraftParagraph[] };

export interface ParsedEssay {
  meta: EssayMeta;
  blocks: DraftBlock[];
}

/** Link targets a reader can safely follow: the web, mail, or a place on this site. */
const allowedUrl = /^(?:https?:\/\/|mailto:|#|\/(?!\/))/i;

export function parseEssay(source: string, file: string): ParsedEssay {
  const normalized = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").normalize("NFC");
  const { meta, body, bodyStartLine } = readFrontMatter(normalized, file);
  const fail: (node: Node | undefined, reason: string) => never = (node, reason) => {
    const line = node?.position?.start.line;
    throw new ContentError(file, line === undefined ? null : line + bodyStartLine - 1, reason);
  };

  const headingKeys = new AnchorKeys("s-");
  const figureKeys = new AnchorKeys("f-");
  const noteKeys = new AnchorKeys("");

  const inline = (node: PhrasingContent): InlineNode => {
    switch (node.type) {
      case "text":
        return { type: "text", value: joinSoftBreaks(node.value) };
      case "strong":
      case "emphasis":
      case "delete":
        return { type: node.type, children: node.children.map(inline) };
      case "inlineCode":
        return { type: "code", value: node.value };
      case "break":
        return { type: "break" };
      case "link":
        if (!allowedUrl.test(node.url)) fail(node, `link target "${node.url}" is not http(s), mailto, # or a site path`);
        if (node.title) fail(node, "link titles are not shown; put the words in the link text");
        return { type: "link", url: node.url, children: node.children.map(inline) };
      case "image":
        return fail(node, "an image must stand alone in its paragraph (it becomes a figure)");
      default:
        return fail(node, `unsupported inline Markdown (${node.type})`);
    }
  };

  const paragraph = (node: Paragraph): DraftParagraph => {
    const children = mergeText(node.children.map(inline));
    const text = plainText(children).trim();
    if (!text) fail(node, "empty paragraph");
    return { children, text };
  };

  const figure = (image: Image): DraftBlock => {
    const caption = image.alt?.trim();
    if (!caption) fail(image, "a figure needs its caption as the image's alt text: ![caption](file.jpg)");
    if (image.title) fail(image, "image titles are not shown; the alt text is the caption");
    const fileStem = image.url.replace(/^.*\//, "").replace(/\.[^.]*$/, "");
    return { type: "figure", key: figureKeys.next(fileStem, "figure"), caption, src: image.url };
  };

  const block = (node: RootContent): DraftBlock => {
    switch (node.type) {
      case "heading": {
        if (node.depth !== 2 && node.depth !== 3) {
          fail(node, node.depth === 1 ? "the title belongs in the front matter, not a # heading" : `heading level ${node.depth} is not used (## or ### only)`);
        }
        const text = plainText(node.children.map(inline)).trim();
        if (!text) fail(node, "empty heading");
        return { type: "heading", key: headingKeys.next(text, "section"), level: node.depth, text };
      }
      case "paragraph": {
        const image = loneImage(node);
        return image ? figure(image) : { type: "paragraph", ...paragraph(node) };
      }
      case "blockquote": {
        const paragraphs = node.children.map((child) =>
          child.type === "paragraph" && !loneImage(child) ? paragraph(child) : fail(child, "a note (>) holds paragraphs only"),
        );
        if (paragraphs.length === 0) fail(node, "empty note");
        return { type: "note", key: noteKeys.next("note", "note"), paragraphs };
      }
      default:
        return fail(node, `unsupported Markdown (${node.type})`);
    }
  };

  const blocks = fromMarkdown(body).children.map(block);
  if (!blocks.some((b) => b.type === "paragraph")) throw new ContentError(file, null, "the essay has no paragraphs");
  return { meta, blocks };
}

/** The image of a paragraph that holds nothing else: a figure. */
function loneImage(node: Paragraph): Image | null {
  const content = node.children.filter((child) => !(child.type === "text" && !child.value.trim()));
  const first = content[0];
  return content.length === 1 && first?.type === "image" ? first : null;
}

/** The text of inline nodes as a reader sees it (a hard break is a line break). */
export function plainText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
        case "code":
          return node.value;
        case "break":
          return "\n";
        default:
          return plainText(node.children);
      }
    })
    .join("");
}

const cjkNeighbour = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3000-\\u303f\\uff00-\\uffef]";
const softBreakNextToCjk = new RegExp(`(?<=${cjkNeighbour})[ \\t]*\\n[ \\t]*|[ \\t]*\\n[ \\t]*(?=${cjkNeighbour})`, "gu");

/**
 * A soft line break in the source is a space in English but nothing between Chinese characters
 * (a space there would show as a gap in the sentence).
 */
function joinSoftBreaks(value: string): string {
  return value.replace(softBreakNextToCjk, "").replace(/[ \t]*\n[ \t]*/g, " ");
}

/** Adjacent text nodes (left by escapes) become one, so the stored tree stays small. */
function mergeText(nodes: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === "text" && last?.type === "text") merged[merged.length - 1] = { type: "text", value: last.value + node.value };
    else merged.push(node);
  }
  return merged;
}
