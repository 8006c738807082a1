import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReadableStream } from 'node:stream/web';
import { fail, parseArgs, runScript } from '../lib/cli';
import { consoleProgress, printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/01-setup/03_download_embedding_model.ts [options]

Downloads an ONNX embedding model from Hugging Face (HF_ENDPOINT, default
https://huggingface.co) into MODELS_DIR/<id> in the layout @xenova/transformers reads:
config.json, tokenizer*.json, onnx/model_quantized.onnx (BGE-M3: 570 MB) and, with --fp32,
onnx/model.onnx + model.onnx_data (2.27 GB). Files already there with the remote size are
skipped; an interrupted download resumes. Exits 3 when the endpoint cannot be reached.

Options:
  --model <id>          Hugging Face model id (default: EMBEDDING_MODEL or Xenova/bge-m3)
  --models-dir <dir>    target folder (default: MODELS_DIR or models)
  --revision <rev>      branch, tag or commit (default: main)
  --fp32                also the full-precision model, for EMBEDDING_QUANTIZED=false
  --help                this text

Example:
  npm run ts -- scripts/01-setup/03_download_embedding_model.ts --models-dir models
`;

// What @xenova/transformers 2.17 reads from MODELS_DIR/<id>, quantized first so the usable
// model lands first. Xenova/bge-m3's fp32 weights exceed protobuf's 2 GB limit and sit in
// model.onnx_data beside model.onnx; smaller models have no such file, hence optional.
const FILES: { file: string; optional?: boolean; fp32?: boolean }[] = [
  { file: 'config.json' },
  { file: 'tokenizer.json' },
  { file: 'tokenizer_config.json' },
  { file: 'special_tokens_map.json', optional: true },
  { file: 'onnx/model_quantized.onnx' },
  { file: 'onnx/model.onnx', fp32: true },
  { file: 'onnx/model.onnx_data', fp32: true, optional: true },
];
const STALL_MS = 15_000;
const EXIT_UNREACHABLE = 3;

class UnreachableError extends Error {}

const sizeOf = (path: string): number => statSync(path, { throwIfNoEntry: false })?.size ?? -1;

/** fetch() whose headers, and then each body chunk (on touch()), must come within STALL_MS. */
function watchedFetch(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const stalled = () => controller.abort(new Error(`no data for ${STALL_MS / 1000} s`));
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(stalled, STALL_MS);
  };
  const done = () => clearTimeout(timer);
  const unreachable = (reason: string) => new UnreachableError(`cannot reach ${url}: ${reason}`);
  touch();
  const response = fetch(url, { headers, signal: controller.signal }).catch((error: Error) => {
    done();
    const cause = error.cause as { code?: string; message?: string } | undefined;
    throw unreachable([cause?.code, cause?.message ?? error.message].filter(Boolean).join(' '));
  });
  const failed = (error: unknown) =>
    controller.signal.aborted ? unreachable((controller.signal.reason as Error).message) : error;
  return { response, touch, done, failed };
}

async function download(url: string, dir: string, file: string, optional: boolean) {
  const dest = join(dir, file);
  // The .part stays out of onnx/: that folder's mere existence makes EMBEDDING_PROVIDER=auto
  // pick this model, so it must only ever hold whole files.
  const part = join(dir, `.${basename(file)}.part`);
  const partial = sizeOf(dest) < 0 ? Math.max(sizeOf(part), 0) : 0;
  // identity: with compression, Content-Length would not be the file's size.
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (partial > 0) headers.range = `bytes=${partial}-`;
  const { response: pending, touch, done, failed } = watchedFetch(url, headers);
  const response = await pending;
  if (!response.ok || !response.body) done();
  if (response.status === 404 && optional) return ['absent', 0] as const;
  if (response.status === 416) {
    rmSync(part); // a stale .part, as long as the file or longer: start over
    return download(url, dir, file, optional);
  }
  if (!response.ok || !response.body) {
    const hint = response.status === 401 ? ' (unknown or gated repo, or no such revision)' : '';
    fail(`GET ${url}: HTTP ${response.status}${hint}`);
  }
  const resumed = response.status === 206;
  const length = resumed
    ? response.headers.get('content-range')?.split('/')[1]
    : response.headers.get('content-length');
  const total = Number(length) || -1;
  if (total >= 0 && sizeOf(dest) === total) {
    done();
    await response.body.cancel();
    return ['present', total] as const;
  }

  mkdirSync(dirname(part), { recursive: true });
  const progress = consoleProgress();
  const item = `${basename(dest)} (MB)`;
  const totalMb = Math.ceil(Math.max(total, 0) / 1e6);
  let written = resumed ? partial : 0;
  await pipeline(
    Readable.fromWeb(response.body as ReadableStream<Uint8Array>),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        touch();
        const before = Math.floor(written / 1e6);
        written += chunk.length;
        const mb = Math.floor(written / 1e6);
        if (mb !== before && mb < totalMb)
          progress({ stage: 'get', item, done: mb, total: totalMb });
        yield chunk;
      }
    },
    createWriteStream(part, { flags: resumed ? 'a' : 'w' }),
  )
    .catch((error: unknown) => Promise.reject(failed(error)))
    .finally(done);
  if (total >= 0 && written !== total) fail(`${url}: got ${written} of ${total} bytes`);
  progress({ stage: 'get', item, done: totalMb, total: totalMb });
  mkdirSync(dirname(dest), { recursive: true });
  renameSync(part, dest);
  return [resumed ? 'resumed' : 'downloaded', written] as const;
}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const unknown = [...args.keys()].find(
    (k) => !['model', 'models-dir', 'revision', 'fp32'].includes(k),
  );
  if (unknown) fail(`unknown option --${unknown}`, USAGE);
  const model = args.get('model') ?? process.env.EMBEDDING_MODEL ?? 'Xenova/bge-m3';
  const target = join(args.get('models-dir') ?? process.env.MODELS_DIR ?? 'models', model);
  const revision = args.get('revision') ?? 'main';
  const endpoint = (process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
  const files = FILES.filter((f) => !f.fp32 || args.has('fp32'));

  console.log(`${model}@${revision} from ${endpoint} into ${target}`);
  const rows: Record<string, string>[] = [];
  for (const { file, optional = false } of files) {
    const url = `${endpoint}/${model}/resolve/${encodeURIComponent(revision)}/${file}`;
    try {
      const [status, bytes] = await download(url, target, file, optional);
      rows.push({ file, MB: (bytes / 1e6).toFixed(1), status });
    } catch (error) {
      if (!(error instanceof UnreachableError)) throw error;
      console.error(`error: ${error.message}
Run this again to retry (downloads resume), or instead:
  - on a machine with network, run this script (or fetch ${endpoint}/${model}/tree/${revision})
    and copy the files into ${target}/ here, keeping the layout:
    ${files.map((f) => f.file).join(', ')};
  - set HF_ENDPOINT to a mirror this machine can reach;
  - or do nothing: with EMBEDDING_PROVIDER=auto the platform embeds with the offline default
    USE-lite (use-lite-en, 512 dims, English).`);
      process.exit(EXIT_UNREACHABLE);
    }
  }
  console.log('');
  printTable(rows);
});
