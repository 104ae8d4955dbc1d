/**
 * Step 1 of validation: the YAML text, parsed with the position of every node,
 * so each problem can be reported at the line and column of what caused it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type Path = (string | number)[];

export interface LocatedDocument {
  document: Document.Parsed;
  /** 1-based line and column of the value at `path`, or of its key with `{ key: true }`, or of the nearest node above it */
  position(path: Path, options?: { key?: boolean }): { line: number; column: number };
  /** 1-based line and column of a character offset */
  at(offset: number): { line: number; column: number };
}

export function parseRegistryText(text: string): LocatedDocument {
  const lineCounter = new LineCounter();
  // YAML 1.2 whatever the file's %YAML directive says (1.1 reads `no` as false and `y` as true);
  // the library's warnings are kept in the document, never printed
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2', schema: 'core', logLevel: 'silent' });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    document,
    at,
    position(path, options = {}) {
      let node: unknown = document.contents;
      let found: Node | null = (document.contents as Node | null) ?? null;
      for (let i = 0; i < path.length; i++) {
        const segment = path[i]!;
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) break;
          if (options.key && i === path.length - 1 && isScalar(pair.key)) return at(pair.key.range?.[0] ?? 0);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          node = node.items[segment];
        } else break;
        if (node && (node as Node).range) found = node as Node;
        else break;
      }
      return at(found?.range?.[0] ?? 0);
    },
  };
}

/** A JSON Pointer (`/tasks/3/deadline`) as a path of keys and indices. */
export function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
