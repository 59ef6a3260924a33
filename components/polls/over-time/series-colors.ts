/**
 * One colour per option, in option order, for the breakdown bars and the over-time lines (the
 * legend of one names the colours of the other). Each is light-dark(light, dark) like the theme
 * tokens in app/globals.css: dark enough on white, light enough on the dark surface (contrast
 * ≥ 3:1 against both surfaces, WCAG 1.4.11 for graphics); beyond eight options they repeat.
 */
const palette = [
  "light-dark(#b4432c, #f3907a)", // terracotta, the site's accent family
  "light-dark(#0f7a6f, #5fd3c3)", // teal
  "light-dark(#8a6210, #f0c45a)", // ochre
  "light-dark(#3f5bd0, #9db0ff)", // blue
  "light-dark(#9333a8, #e2a1f3)", // plum
  "light-dark(#4f7a12, #a8d86a)", // olive
  "light-dark(#b02a5e, #f6a3c4)", // rose
  "light-dark(#55606b, #c3ccd5)", // slate
] as const;

export function seriesColor(index: number): string {
  return palette[index % palette.length]!;
}
