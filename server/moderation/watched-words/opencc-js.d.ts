// opencc-js ships types for its converters only; its per-dictionary modules (one string of
// "source target|source target" pairs each) are plain JS. We read three of them as data.
declare module "opencc-js/dict/TSCharacters" {
  const dictionary: string;
  export default dictionary;
}
declare module "opencc-js/dict/HKVariantsRev" {
  const dictionary: string;
  export default dictionary;
}
declare module "opencc-js/dict/TWVariantsRev" {
  const dictionary: string;
  export default dictionary;
}
