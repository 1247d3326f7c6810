// wrap-ansi 6 (CommonJS, the string-width 4 it measures with is ours too) ships no types.
declare module 'wrap-ansi' {
  export default function wrapAnsi(text: string, columns: number, options?: { hard?: boolean; trim?: boolean; wordWrap?: boolean }): string;
}
