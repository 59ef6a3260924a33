/**
 * The essay as the app reads it: metadata plus a list of blocks parsed from content/<slug>.md.
 * Every block has a `key` that stays the same across re-seeds when the text around it is edited
 * (paragraph-level discussion and links to paragraphs depend on it).
 */
export type InlineNode =
  | { type: "text"; value: string }
  | { type: "strong" | "emphasis" | "delete"; children: InlineNode[] }
  | { type: "link"; url: string; children: InlineNode[] }
  | { type: "code"; value: string }
  | { type: "break" };

export type EssayBlock =
  | { type: "paragraph"; key: string; children: InlineNode[]; text: string }
  | { type: "heading"; key: string; level: 2 | 3; text: string }
  | { type: "figure"; key: string; caption: string; src: string }
  | { type: "note"; key: string; paragraphs: { key: string; children: InlineNode[]; text: string }[] };

export interface RelatedReading {
  title: string;
  summary: string;
  source: string;
}

export interface EssayView {
  slug: string;
  title: string;
  author: string;
  authorHandle: string | null;
  publisher: string;
  publisherHandle: string | null;
  label: string | null;
  language: string;
  publishedAt: Date;
  readingMinutes: number;
  blocks: EssayBlock[];
  relatedReadings: RelatedReading[];
  updatedAt: Date;
}
