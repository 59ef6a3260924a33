/** The sort of the comment list, kept in the URL (?sort=newest) so a link or a reload keeps it. */
import type { CommentSort } from "@/server/api/routers/comments/schemas.ts";

export const commentSorts: readonly CommentSort[] = ["top", "newest", "oldest"];
export const defaultSort: CommentSort = "top";
const param = "sort";

export function sortFromSearch(search: string): CommentSort {
  const value = new URLSearchParams(search).get(param);
  return commentSorts.find((sort) => sort === value) ?? defaultSort;
}

/** The same URL with the sort set (the default is left out), hash kept. */
export function urlWithSort(href: string, sort: CommentSort): string {
  const url = new URL(href);
  if (sort === defaultSort) url.searchParams.delete(param);
  else url.searchParams.set(param, sort);
  return `${url.pathname}${url.search}${url.hash}`;
}
