import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  STANDIN_MODEL_DIR,
  startEmbeddingStandin,
} from '../../backend/tests/fixtures/embedding-standin';
import { fail, parseArgs, positiveInt, runScript } from '../lib/cli';

const USAGE = `
Usage: npm run ts -- scripts/08-tools/01_embedding_standin.ts [options]

A local inference server for EMBEDDING_PROVIDER=http, the one the tests use: Hugging Face
text-embeddings-inference's POST /embed and the OpenAI-compatible POST /v1/embeddings,
serving a real ONNX model (default ../shared/models/use-lite-en, 512 dimensions, English)
on the CPU. For trying the HTTP embedder, its retries and the worker's circuit breaker
without a GPU server. Runs until Ctrl-C.

Options:
  --port <n>            port (default 8080)
  --host <addr>         interface (default 127.0.0.1)
  --model-dir <dir>     an ONNX model folder in the @xenova/transformers layout
                        (default: SHARED_DIR/models/use-lite-en, else ../shared beside the clone)
  --protocol <p>        tei, openai or both (default both)
  --quantized           the int8 weights (onnx/model_quantized.onnx); default fp32
  --api-key <key>       require Authorization: Bearer <key>
  --fail-with <status>  answer every embedding request with this status (e.g. 500)
  --help                this text

Example:
  npm run ts -- scripts/08-tools/01_embedding_standin.ts --port 8080
  EMBEDDING_PROVIDER=http EMBEDDING_HTTP_URL=http://127.0.0.1:8080 EMBEDDING_MODEL=use-lite-en npm start
`;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const port = positiveInt(args, 'port', 8080, USAGE);
  const modelDir = resolve(args.get('model-dir') ?? STANDIN_MODEL_DIR);
  const protocol = args.get('protocol') ?? 'both';
  if (!['tei', 'openai', 'both'].includes(protocol)) {
    fail('--protocol must be tei, openai or both', USAGE);
  }
  if (!existsSync(join(modelDir, 'onnx'))) {
    fail(`no ONNX model in ${modelDir} (expected ${join(modelDir, 'onnx')}/): see --model-dir`);
  }
  const failWith = args.has('fail-with') ? positiveInt(args, 'fail-with', 500, USAGE) : undefined;

  console.log(`Loading ${modelDir}…`);
  const standin = await startEmbeddingStandin({
    modelDir,
    port,
    host: args.get('host') ?? '127.0.0.1',
    protocol: protocol as 'tei' | 'openai' | 'both',
    quantized: args.has('quantized'),
    apiKey: args.get('api-key'),
    failWith,
  });
  const routes = [
    protocol !== 'openai' && `POST ${standin.url}/embed`,
    protocol !== 'tei' && `POST ${standin.url}/v1/embeddings (model "${standin.modelId}")`,
  ].filter(Boolean);
  console.log(
    `Serving ${standin.modelId}${failWith ? `, answering ${failWith} to every request` : ''}:`,
  );
  for (const route of routes) console.log(`  ${route}`);
  console.log(
    `Use it: EMBEDDING_PROVIDER=http EMBEDDING_HTTP_URL=${standin.url} ` +
      `EMBEDDING_HTTP_PROTOCOL=${protocol === 'openai' ? 'openai' : 'tei'} EMBEDDING_MODEL=${standin.modelId}`,
  );

  let served = 0;
  const progress = setInterval(() => {
    if (standin.requests.length === served) return;
    const recent = standin.requests.slice(served);
    served = standin.requests.length;
    const texts = recent.reduce((sum, r) => sum + r.texts, 0);
    const failed = recent.filter((r) => r.status !== 200).length;
    console.log(`${recent.length} requests, ${texts} texts${failed ? `, ${failed} not 200` : ''}`);
  }, 5_000);
  await new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  clearInterval(progress);
  await standin.close();
  console.log(`Stopped after ${standin.requests.length} requests.`);
});
