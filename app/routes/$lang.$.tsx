// Unknown pages under a language prefix: the same 404 as everywhere, after $lang checked the prefix.
export { loader } from "./$";
