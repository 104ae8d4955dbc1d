// extraction is synchronous and loads remark only when a caller awaits it (src/extract/source.ts); tests extract Markdown directly
import { loadMarkdownReader } from '../src/extract/index.js';

await loadMarkdownReader();
