import { describe, expect, it } from "vitest";
import { auditCommentHtml } from "./audit-html.ts";
import { normalizeCommentBody } from "./normalize-body.ts";
import { renderCommentMarkdown } from "./render.ts";

/** Renders as the comment handlers do, and checks the output against the independent audit. */
function render(raw: string): string {
  const html = renderCommentMarkdown(normalizeCommentBody(raw));
  expect(auditCommentHtml(html), html).toEqual([]);
  return html;
}

const linkAttributes = 'rel="nofollow ugc noopener" target="_blank"';

describe("renderCommentMarkdown: the subset", () => {
  it("renders paragraphs, and a single newline as a line break", () => {
    expect(render("第一段\n\n第二段")).toBe("<p>第一段</p>\n<p>第二段</p>");
    expect(render("第一行\n第二行")).toBe("<p>第一行<br>\n第二行</p>");
  });

  it("renders bold, italic and ~~strikethrough~~ but not a single tilde", () => {
    expect(render("**粗** __粗__ *斜* _斜_ ~~删~~")).toBe(
      "<p><strong>粗</strong> <strong>粗</strong> <em>斜</em> <em>斜</em> <del>删</del></p>",
    );
    expect(render("3~5天和6~8天")).toBe("<p>3~5天和6~8天</p>");
  });

  it("renders inline code and code blocks with their contents as text", () => {
    expect(render("用 `<script>alert(1)</script>` 吧")).toBe(
      "<p>用 <code>&#x3C;script>alert(1)&#x3C;/script></code> 吧</p>",
    );
    expect(render("```js\nif (a < b) alert(1)\n```")).toBe("<pre><code>if (a &#x3C; b) alert(1)\n</code></pre>");
    expect(render("段落\n\n    indented()\n    code()")).toBe(
      "<p>段落</p>\n<pre><code>indented()\ncode()\n</code></pre>",
    );
  });

  it("renders quotes, nested quotes and lists", () => {
    expect(render("> 引用\n> > 嵌套")).toBe(
      "<blockquote>\n<p>引用</p>\n<blockquote>\n<p>嵌套</p>\n</blockquote>\n</blockquote>",
    );
    expect(render("- 一\n- 二")).toBe("<ul>\n<li>一</li>\n<li>二</li>\n</ul>");
    expect(render("1. 一\n2. 二")).toBe("<ol>\n<li>一</li>\n<li>二</li>\n</ol>");
    expect(render("3. 三\n4. 四")).toBe('<ol start="3">\n<li>三</li>\n<li>四</li>\n</ol>');
    expect(render("- 外\n  - 内")).toBe("<ul>\n<li>外\n<ul>\n<li>内</li>\n</ul>\n</li>\n</ul>");
  });

  it("renders http, https and mailto links that open in a new tab with nofollow ugc noopener", () => {
    expect(render("[文章](https://example.com/a?b=1#c)")).toBe(
      `<p><a href="https://example.com/a?b=1#c" ${linkAttributes}>文章</a></p>`,
    );
    expect(render("[站点](http://example.com)")).toBe(`<p><a href="http://example.com" ${linkAttributes}>站点</a></p>`);
    expect(render("[写信](mailto:someone@example.com)")).toBe(
      `<p><a href="mailto:someone@example.com" ${linkAttributes}>写信</a></p>`,
    );
    expect(render('[有标题](https://example.com "title")')).toBe(
      `<p><a href="https://example.com" ${linkAttributes}>有标题</a></p>`,
    );
    expect(render("[大写](HTTPS://EXAMPLE.COM)")).toBe(`<p><a href="https://EXAMPLE.COM" ${linkAttributes}>大写</a></p>`);
  });

  it("links bare URLs, angle-bracket autolinks and e-mail addresses, ending a URL at CJK punctuation", () => {
    expect(render("见https://example.com/a，谢谢")).toBe(
      `<p>见<a href="https://example.com/a" ${linkAttributes}>https://example.com/a</a>，谢谢</p>`,
    );
    expect(render("<https://example.com>")).toBe(
      `<p><a href="https://example.com" ${linkAttributes}>https://example.com</a></p>`,
    );
    expect(render("写信给 someone@example.com")).toBe(
      `<p>写信给 <a href="mailto:someone@example.com" ${linkAttributes}>someone@example.com</a></p>`,
    );
  });

  it("percent-encodes non-ASCII link targets", () => {
    expect(render("[退圈](https://zh.wikipedia.org/wiki/退圈)")).toBe(
      `<p><a href="https://zh.wikipedia.org/wiki/%E9%80%80%E5%9C%88" ${linkAttributes}>退圈</a></p>`,
    );
  });
});

describe("renderCommentMarkdown: what the subset leaves out", () => {
  it("shows an image as its alt text, or its address as text when it has none", () => {
    expect(render("![一只猫](https://example.com/cat.png)")).toBe("<p>一只猫</p>");
    expect(render("![](https://example.com/cat.png)")).toBe("<p>https://example.com/cat.png</p>");
    expect(render("![x](javascript:alert(1))")).toBe("<p>![x](javascript:alert(1))</p>");
  });

  it("shows raw HTML as escaped text", () => {
    expect(render("<b>粗</b>")).toBe("<p>&#x3C;b>粗&#x3C;/b></p>");
    expect(render("<script>alert(1)</script>")).toBe("<p>&#x3C;script>alert(1)&#x3C;/script></p>");
    expect(render('<img src=x onerror="alert(1)">')).toBe('<p>&#x3C;img src=x onerror="alert(1)"></p>');
    expect(render("<!-- 注释 -->")).toBe("<p>&#x3C;!-- 注释 --></p>");
    expect(render("<div>\n\n*x*\n\n</div>")).toBe("<p>&#x3C;div></p>\n<p><em>x</em></p>\n<p>&#x3C;/div></p>");
  });

  it("keeps headings, thematic breaks, tables, footnotes, task lists and reference links as text", () => {
    expect(render("# 标题")).toBe("<p># 标题</p>");
    expect(render("标题\n===")).toBe("<p>标题<br>\n===</p>");
    expect(render("---")).toBe("<p>---</p>");
    expect(render("| a | b |\n|---|---|\n| 1 | 2 |")).toBe("<p>| a | b |<br>\n|---|---|<br>\n| 1 | 2 |</p>");
    expect(render("正文[^1]\n\n[^1]: 脚注")).toBe("<p>正文[^1]</p>\n<p>[^1]: 脚注</p>");
    expect(render("- [ ] 任务")).toBe("<ul>\n<li>[ ] 任务</li>\n</ul>");
    expect(render("[文][ref]\n\n[ref]: https://example.com")).toBe(
      `<p>[文][ref]</p>\n<p>[ref]: <a href="https://example.com" ${linkAttributes}>https://example.com</a></p>`,
    );
  });

  it("keeps relative and protocol-relative links as text", () => {
    expect(render("[本站](/c/abc)")).toBe("<p>[本站](/c/abc)</p>");
    expect(render("[别处](//evil.example)")).toBe("<p>[别处](//evil.example)</p>");
    expect(render("[锚点](#comments)")).toBe("<p>[锚点](#comments)</p>");
  });
});

describe("renderCommentMarkdown: hostile links", () => {
  const hostileDestinations = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "JAVASCRIPT:alert(1)",
    "javascript:alert(document.domain)//http://example.com",
    "jav&#x61;script:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#x6A;avascript&#x3A;alert(1)",
    "javascript&colon;alert(1)",
    "javas&#x09;cript:alert(1)",
    "javas&#10;cript:alert(1)",
    "java%0ascript:alert(1)",
    "%6Aavascript:alert(1)",
    "<javascript:alert(1)>",
    "< javascript:alert(1)>",
    "<java script:alert(1)>",
    " javascript:alert(1)",
    "\\javascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "file:///etc/passwd",
    "intent://example.com#Intent;end",
    "http:",
    "https://",
  ];

  for (const destination of hostileDestinations) {
    it(`refuses [x](${destination})`, () => {
      const html = render(`[点我](${destination})`);
      // A bare http URL inside the destination may still be linked on its own, safely.
      expect(html).not.toMatch(/<a [^>]*>点我/);
      expect(html).not.toMatch(/href="(?!https?:\/\/|mailto:)/);
    });
  }

  it("refuses control and invisible characters hidden in the scheme", () => {
    for (const hidden of ["\u0000", "\u0009", "\u200b", "\u00ad", "\ufeff"]) {
      const html = render(`[点我](java${hidden}script:alert(1))`);
      expect(html).not.toMatch(/<a\s/);
    }
  });

  it("refuses hostile bare and angle-bracket autolinks", () => {
    for (const body of ["javascript:alert(1)", "<javascript:alert(1)>", "<vbscript:msgbox(1)>", "<data:text/html,x>"]) {
      expect(render(body)).not.toMatch(/<a\s/);
    }
  });
});

describe("renderCommentMarkdown: attribute injection", () => {
  it("keeps a quote in a link target inside the href", () => {
    const html = render('[x](https://example.com/"onmouseover="alert(1))');
    expect(html).toBe(`<p><a href="https://example.com/%22onmouseover=%22alert(1)" ${linkAttributes}>x</a></p>`);
  });

  it("drops link titles and code fence languages instead of turning them into attributes", () => {
    expect(render(`[x](https://example.com "a\\" onclick=\\"alert(1)")`)).toBe(
      `<p><a href="https://example.com" ${linkAttributes}>x</a></p>`,
    );
    expect(render('```js" onload="alert(1)\nx\n```')).toBe("<pre><code>x\n</code></pre>");
  });

  it("keeps HTML attribute syntax in text as text", () => {
    const html = render('" onclick="alert(1)" \' onfocus=\'alert(1)\' autofocus');
    expect(html).toBe("<p>\" onclick=\"alert(1)\" ' onfocus='alert(1)' autofocus</p>");
  });
});

describe("renderCommentMarkdown: size and depth", () => {
  it("renders deeply nested quotes and lists without failing, to a bounded depth", () => {
    for (const body of [">".repeat(10_000), "> ".repeat(5_000), "- ".repeat(5_000), "*".repeat(10_000)]) {
      const html = render(body);
      expect(html.split("<blockquote>").length - 1).toBeLessThanOrEqual(32);
      expect(html.split("<ul>").length - 1).toBeLessThanOrEqual(32);
    }
  });

  it("renders a 10,000-character comment whole", () => {
    const paragraph = "我觉得作者说得很对，但是**第三段**的论证有些问题。见 https://example.com/a\n\n";
    const body = normalizeCommentBody(paragraph.repeat(200).slice(0, 10_000));
    const html = render(body);
    expect(html.split("<p>").length - 1).toBe(body.split("\n\n").length);
    expect(html).toContain("<strong>第三段</strong>");
  });

  it("renders pathological emphasis and brackets in linear-ish time", () => {
    // CPU time of this process, not wall time: on a busy machine the wall clock also counts the
    // time other processes had the cores (9 s seen next to a CPU burner), the CPU time does not.
    const started = process.cpuUsage();
    for (const body of ["*a".repeat(5_000), "[".repeat(10_000), "[a](".repeat(2_500), "~~a".repeat(3_333), "<a ".repeat(3_333)]) {
      render(body);
    }
    const used = process.cpuUsage(started);
    // Catches a quadratic blow-up (seconds to minutes at this size); the measured figures are in
    // docs/comment-markdown.md.
    expect((used.user + used.system) / 1000).toBeLessThan(5_000);
  });
});
