import { TomlDocument } from '@decimalturn/toml-patch';

/**
 * The parts of @decimalturn/toml-patch's concrete syntax tree this editor
 * reads. The library types its CST (`TomlDocument.cst`) with line/column
 * locations; we read it through these structural types and turn locations
 * into string offsets ourselves, so an edit can splice exactly one key's bytes.
 */
interface Position {
  readonly line: number;
  readonly column: number;
}
interface Located {
  readonly type: string;
  readonly loc: { readonly start: Position; readonly end: Position };
}
interface KeyNode extends Located {
  readonly value: readonly string[];
}
interface KeyValueNode extends Located {
  readonly key: KeyNode;
  readonly value: Located & { readonly raw?: string; readonly items?: readonly InlineItemNode[] };
}
interface InlineItemNode extends Located {
  readonly item: Located;
  readonly comma: boolean;
}
interface TableNode extends Located {
  readonly key: Located & { readonly item: KeyNode };
  readonly items: readonly Located[];
}

/** Where a key-value sits: its effects on editing differ. */
export type EntryPlace = 'block' | 'inline';

/** One key-value of the document with its full dotted path and its byte span. */
export interface TomlEntry {
  readonly path: readonly string[];
  /** The path of the table (or inline table) it is written in; its key adds the rest. */
  readonly scope: readonly string[];
  readonly place: EntryPlace;
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The value's raw text for strings (quoting style); undefined for other values. */
  readonly rawValue: string | undefined;
  /** Set for an inline table value: where its items are and where `}` is. */
  readonly inline: InlineTableSpan | null;
  /** Set for an entry inside an inline table: its neighbours there. */
  readonly siblings: InlineSiblings | null;
}

export interface InlineTableSpan {
  /** Offset just after `{`. */
  readonly open: number;
  /** Offset of `}`. */
  readonly close: number;
  /** End offset of the last item's key-value (before any trailing comma); null when empty. */
  readonly lastItemEnd: number | null;
}

export interface InlineSiblings {
  /** End of the previous item's key-value, or null when first. */
  readonly previousEnd: number | null;
  /** Start of the next item's key-value, or null when last. */
  readonly nextStart: number | null;
}

/** A `[table]` header and the table it opens. */
export interface TomlTable {
  readonly path: readonly string[];
  readonly headerEnd: number;
  /** End of its last key-value, or null when it has none. */
  readonly lastEntryEnd: number | null;
}

export interface TomlOutline {
  readonly entries: readonly TomlEntry[];
  readonly tables: readonly TomlTable[];
}

/** Offsets of each line's start in `text` (lines end at `\n`, as the parser counts them). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

function isKeyValue(node: Located): node is KeyValueNode {
  return node.type === 'KeyValue';
}
function isTable(node: Located): node is TableNode {
  return node.type === 'Table';
}

/**
 * The key-values and tables of a document (no BOM; validated by smol-toml
 * first), with string offsets. Each string value's span is checked against
 * its raw text, so a location the library got wrong stops the edit instead of
 * corrupting the file.
 */
export function outlineToml(text: string): TomlOutline {
  const starts = lineStarts(text);
  const offset = (position: Position): number => {
    const lineStart = starts[position.line - 1];
    if (lineStart === undefined) throw new Error('TOML location outside the document');
    return lineStart + position.column;
  };
  const entries: TomlEntry[] = [];
  const tables: TomlTable[] = [];

  const visitKeyValue = (
    node: KeyValueNode,
    scope: readonly string[],
    place: EntryPlace,
    siblings: InlineSiblings | null,
  ): void => {
    const path = [...scope, ...node.key.value];
    const value = node.value;
    const valueStart = offset(value.loc.start);
    const valueEnd = offset(value.loc.end);
    if (value.raw !== undefined && value.type === 'String') {
      if (text.slice(valueStart, valueEnd) !== value.raw) {
        throw new Error('The TOML parser reported a position that does not match the file');
      }
    }
    let inline: InlineTableSpan | null = null;
    if (value.type === 'InlineTable' && value.items) {
      const items = value.items;
      const kvEnds = items.map((item) => offset(item.item.loc.end));
      const kvStarts = items.map((item) => offset(item.item.loc.start));
      inline = {
        open: valueStart + 1,
        close: valueEnd - 1,
        lastItemEnd: kvEnds.at(-1) ?? null,
      };
      items.forEach((item, index) => {
        if (!isKeyValue(item.item)) return;
        visitKeyValue(item.item, path, 'inline', {
          previousEnd: index > 0 ? (kvEnds[index - 1] ?? null) : null,
          nextStart: kvStarts[index + 1] ?? null,
        });
      });
    }
    entries.push({
      path,
      scope,
      place,
      start: offset(node.loc.start),
      end: offset(node.loc.end),
      valueStart,
      valueEnd,
      rawValue: value.type === 'String' ? value.raw : undefined,
      inline,
      siblings,
    });
  };

  const blocks: readonly Located[] = new TomlDocument(text).cst;
  for (const block of blocks) {
    if (isKeyValue(block)) visitKeyValue(block, [], 'block', null);
    else if (isTable(block)) {
      const path = block.key.item.value;
      let lastEntryEnd: number | null = null;
      for (const item of block.items) {
        if (!isKeyValue(item)) continue;
        visitKeyValue(item, path, 'block', null);
        lastEntryEnd = offset(item.loc.end);
      }
      tables.push({ path, headerEnd: offset(block.key.loc.end), lastEntryEnd });
    }
    // Arrays of tables ([[x]]) never hold cargo's tokens; nothing in them is edited.
  }
  return { entries, tables };
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

export function startsWithPath(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => part === path[index]);
}
