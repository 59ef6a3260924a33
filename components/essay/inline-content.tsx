/** The inline Markdown of a paragraph (text, emphasis, links…) as React elements. */
import type { ReactNode } from "react";
import type { InlineNode } from "@/server/essay/types.ts";

/** Links in the content are ours, but a javascript: URL must never become an href all the same. */
function safeHref(url: string): string | undefined {
  return /^(https?:|mailto:|#|\/(?!\/))/i.test(url) ? url : undefined;
}

export function InlineContent({ nodes }: { nodes: InlineNode[] }): ReactNode {
  return nodes.map((node, index) => {
    switch (node.type) {
      case "text":
        return node.value;
      case "strong":
        return (
          <strong key={index} className="font-semibold">
            <InlineContent nodes={node.children} />
          </strong>
        );
      case "emphasis":
        // clreq: Chinese has no italics; emphasis dots (着重号) are the native mark.
        return (
          <em key={index} className="not-italic [text-emphasis:filled_dot] [text-emphasis-position:under_right]">
            <InlineContent nodes={node.children} />
          </em>
        );
      case "delete":
        return (
          <del key={index}>
            <InlineContent nodes={node.children} />
          </del>
        );
      case "link": {
        const href = safeHref(node.url);
        const external = href?.startsWith("http");
        return (
          <a
            key={index}
            href={href}
            rel={external ? "noopener noreferrer nofollow" : undefined}
            className="text-accent underline decoration-accent/40 underline-offset-4 hover:decoration-accent"
          >
            <InlineContent nodes={node.children} />
          </a>
        );
      }
      case "code":
        return (
          <code key={index} className="rounded bg-raised px-1 py-0.5 font-mono text-[0.9em]">
            {node.value}
          </code>
        );
      case "break":
        return <br key={index} />;
    }
  });
}
