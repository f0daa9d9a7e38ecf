import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ParsedBriefRequest } from '../brief/schema.js';
import { UserError } from '../errors.js';

const MAX_INPUT_BYTES = 5 * 1024 * 1024;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > MAX_INPUT_BYTES) throw new UserError('TOO_LARGE', 'Standard input is larger than 5 MB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

/** `<url | file | ->` as a pipeline source: a URL, an HTML page to extract, or article text. */
export async function readSource(arg: string): Promise<ParsedBriefRequest['source']> {
  if (arg === '-') {
    const input = await readStdin();
    return looksLikeHtml(input) ? { kind: 'html', html: input, url: null } : { kind: 'text', text: input };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || /^(javascript|data|file|mailto):/i.test(arg))
    return { kind: 'url', url: arg };
  if (!existsSync(arg)) {
    throw new UserError('BAD_INPUT', `No such file: ${arg} (for a web address, include http:// or https://).`);
  }
  const content = readFileSync(arg);
  if (content.length > MAX_INPUT_BYTES) throw new UserError('TOO_LARGE', `${arg} is larger than 5 MB.`);
  const text = content.toString('utf8');
  const isHtml = ['.html', '.htm', '.xhtml'].includes(extname(arg).toLowerCase()) || looksLikeHtml(text);
  return isHtml ? { kind: 'html', html: text, url: null } : { kind: 'text', text };
}
