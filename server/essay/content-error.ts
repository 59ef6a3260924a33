/**
 * A content file the seed cannot take as it is. The content is ours: failing loudly with the file
 * and line beats dropping text the reader would never know was missing.
 */
export class ContentError extends Error {
  constructor(
    public readonly file: string,
    public readonly line: number | null,
    public readonly reason: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${reason}`);
    this.name = "ContentError";
  }
}
