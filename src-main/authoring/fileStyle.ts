// A text file's line ends, encoding and byte-order mark: read from its bytes, put back when Switchyard
// writes it, so a write changes only the lines it means to.
import { SwitchyardError } from '../../src-shared/errors';

export type LineEnd = '\n' | '\r\n' | '\r';
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

export interface FileStyle {
  encoding: TextEncoding;
  bom: boolean;
  lineEnd: LineEnd;
}

export const plainStyle: FileStyle = { encoding: 'utf8', bom: false, lineEnd: '\n' };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function swapBytes(bytes: Buffer): Buffer {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return swapped.swap16();
}

function decode(bytes: Buffer): { raw: string; encoding: TextEncoding; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { raw: bytes.toString('utf8', 3), encoding: 'utf8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { raw: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { raw: swapBytes(bytes.subarray(2)).toString('utf16le'), encoding: 'utf16be', bom: true };
  try {
    return { raw: strictUtf8.decode(bytes), encoding: 'utf8', bom: false };
  } catch {
    // Not UTF-8 (a Latin-1 file from an old editor): one byte per character, so every byte comes back as it was.
    return { raw: bytes.toString('latin1'), encoding: 'latin1', bom: false };
  }
}

/** The line end most of the file's lines use; `\n` for a file of one line. */
function lineEndOf(raw: string): LineEnd {
  const crlf = raw.split('\r\n').length - 1;
  const cr = raw.split('\r').length - 1 - crlf;
  const lf = raw.split('\n').length - 1 - crlf;
  if (crlf > 0 && crlf >= lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

export interface StyledText {
  /** As the readers see it: no BOM, `\n` line ends. */
  text: string;
  style: FileStyle;
}

export function readStyled(bytes: Buffer): StyledText {
  const { raw, encoding, bom } = decode(bytes);
  return { text: raw.replace(/\r\n?/g, '\n'), style: { encoding, bom, lineEnd: lineEndOf(raw) } };
}

/** The bytes of `text` (with `\n` line ends) in the file's style. */
export function styledBytes(text: string, style: FileStyle): Buffer {
  const raw = style.lineEnd === '\n' ? text : text.replace(/\n/g, style.lineEnd);
  switch (style.encoding) {
    case 'utf8':
      return style.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(raw, 'utf8')]) : Buffer.from(raw, 'utf8');
    case 'utf16le':
      return Buffer.concat([Buffer.from(style.bom ? [0xff, 0xfe] : []), Buffer.from(raw, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from(style.bom ? [0xfe, 0xff] : []), Buffer.from(raw, 'utf16le').swap16()]);
    case 'latin1':
      if ([...raw].some((c) => c.charCodeAt(0) > 0xff))
        throw new SwitchyardError('E_INVALID_INPUT', 'The file is in Latin-1, and the new text has characters Latin-1 cannot hold. Nothing was written.');
      return Buffer.from(raw, 'latin1');
  }
}
