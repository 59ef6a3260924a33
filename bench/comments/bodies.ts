/**
 * Comment texts for the seed and the loads: Chinese and English, short and long, with the
 * Markdown readers use (bold, italics, quotes, lists, code, links). A pool of combinations
 * rather than 100,000 distinct texts: rendering each once is enough to make every stored
 * bodyHtml the renderer's own output.
 */
const openings = [
  "作为一个 00 后，我在 2021 年入圈，2024 年离开。文章里写的每一个细节我都经历过。",
  "说实话，**退圈**不是失败，而是重新认识自己想要什么。",
  "I joined a DAO straight out of university; this essay reads like my diary.",
  "> 我们以为自己在改变世界，其实只是在改变 K 线。\n\n这句话太扎心了。",
  "不同意作者的部分观点：Web3 的问题不在行业本身，而在于*激励结构*。",
  "The part about remote work and no social insurance hit hard. 没有五险一金的日子真的很难。",
  "我身边退圈的朋友大多去了 AI 公司，工资没降多少，但终于能睡个好觉。",
  "Honest question: what would have kept you in? Better pay, or a product people actually use?",
  "看完想起自己熬夜盯盘的那两年。`gm` 说了一千遍，却没跟家人好好吃过一顿饭。",
  "这篇文章应该让每个刚毕业想进币圈的人读一读。",
];

const middles = [
  "",
  "\n\n几点感受：\n\n- 项目方画饼太多\n- 空投变成了上班\n- 社区越来越像赌场",
  "\n\nSome numbers from my own time in: 3 projects, 2 rugs, 1 that still ships. ~~Never again~~ Maybe again, if it is real.",
  "\n\n文章第三部分提到的“叙事疲劳”，我觉得是最核心的原因。每个周期都换一个新词，但底下的东西没变。",
  "\n\n1. 先存够半年生活费\n2. 不要把工资换成项目代币\n3. 保持和圈外朋友的联系",
  "\n\n```\nwhile (true) { narrative++; product = null; }\n```\n\n开个玩笑，但也不完全是玩笑。",
  "\n\n更多讨论可以看 [这篇回应](https://example.org/reply) 和作者之前的访谈。",
  "\n\nThe essay is fair to the people who stayed, which I appreciate. Not everyone who is still in is a speculator.",
];

const closings = ["", "\n\n共勉。", "\n\nThanks for writing this.", "\n\n——一个已经淡圈的 95 后", "\n\n你们怎么看？"];

/** Distinct comment texts, deterministic: the same pool on every run and database. */
export function commentBodies(): string[] {
  const bodies: string[] = [];
  for (const [i, opening] of openings.entries()) {
    for (const [j, middle] of middles.entries()) {
      bodies.push(opening + middle + closings[(i + j) % closings.length]!);
    }
  }
  return bodies;
}
