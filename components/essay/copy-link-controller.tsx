"use client";
/**
 * Makes every "copy link to this paragraph" button of the page work, with one listener, and
 * announces the result through a polite live region (screen readers hear "copied").
 */
import { useEffect, useRef, useState } from "react";

export function CopyLinkController({ copied, failed }: { copied: string; failed: string }) {
  const [announcement, setAnnouncement] = useState("");
  const resetTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    async function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-copy-link]");
      if (!button) return;
      const id = button.dataset.copyLink ?? "";
      const url = new URL(window.location.href);
      url.hash = id;
      const ok = await copyText(url.toString());
      if (ok) {
        // The address bar shows the link too, without jumping (replaceState doesn't scroll).
        history.replaceState(history.state, "", url.toString());
        button.setAttribute("data-copied", "");
        window.setTimeout(() => button.removeAttribute("data-copied"), 2000);
      }
      // Clear first so that copying the same paragraph twice is announced twice.
      setAnnouncement("");
      window.requestAnimationFrame(() => setAnnouncement(ok ? copied : failed));
      window.clearTimeout(resetTimer.current);
      resetTimer.current = window.setTimeout(() => setAnnouncement(""), 4000);
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [copied, failed]);

  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="copy-link-status"
      className={
        "pointer-events-none fixed inset-x-0 bottom-6 z-50 mx-auto w-max max-w-[90vw] rounded-full bg-fg px-4 py-2 text-sm text-bg shadow-lg transition-opacity duration-200 " +
        (announcement ? "opacity-100" : "opacity-0")
      }
    >
      {announcement}
    </div>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API (an http:// site that isn't localhost) or permission refused.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
