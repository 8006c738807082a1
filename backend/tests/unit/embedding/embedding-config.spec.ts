import { ConfigValidationException, loadConfig } from '@revops/core';
import { EmbeddingConfig, endpointOf } from '@revops/embedding';

describe('EmbeddingConfig', () => {
  it('defaults: no HTTP server needed, query cache of 1000, query batches of 32', () => {
    const config = loadConfig(EmbeddingConfig, {});
    expect(config).toMatchObject({
      EMBEDDING_PROVIDER: 'auto',
      EMBEDDING_QUERY_CACHE_SIZE: 1000,
      EMBEDDING_QUERY_BATCH_MAX: 32,
      EMBEDDING_HTTP_PROTOCOL: 'tei',
      EMBEDDING_HTTP_RETRIES: 2,
    });
    expect(config.EMBEDDING_DIMENSIONS).toBeUndefined();
  });

  it('with EMBEDDING_PROVIDER=http, refuses a missing or non-http URL, naming EMBEDDING_HTTP_URL', () => {
    for (const url of [undefined, 'tei:8080', 'ftp://tei:8080']) {
      const env = { EMBEDDING_PROVIDER: 'http', EMBEDDING_HTTP_URL: url };
      expect(() => loadConfig(EmbeddingConfig, env)).toThrow(ConfigValidationException);
      expect(() => loadConfig(EmbeddingConfig, env)).toThrow(
        /EMBEDDING_HTTP_URL.*http\(s\) URL of the inference server when EMBEDDING_PROVIDER=http/,
      );
    }
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000', 'https://tei.internal/x'])(
    'takes %s as EMBEDDING_HTTP_URL',
    (url) => {
      const env = { EMBEDDING_PROVIDER: 'http', EMBEDDING_HTTP_URL: url };
      expect(loadConfig(EmbeddingConfig, env).EMBEDDING_HTTP_URL).toBe(url);
    },
  );

  it('takes a host without a domain, a port and a path, and the numbers as numbers', () => {
    const config = loadConfig(EmbeddingConfig, {
      EMBEDDING_PROVIDER: 'http',
      EMBEDDING_HTTP_URL: 'http://tei:8080/prefix',
      EMBEDDING_HTTP_PROTOCOL: 'openai',
      EMBEDDING_DIMENSIONS: '1024',
      EMBEDDING_QUERY_CACHE_SIZE: '0',
    });
    expect(config).toMatchObject({
      EMBEDDING_HTTP_URL: 'http://tei:8080/prefix',
      EMBEDDING_HTTP_PROTOCOL: 'openai',
      EMBEDDING_DIMENSIONS: 1024,
      EMBEDDING_QUERY_CACHE_SIZE: 0,
    });
  });

  it('refuses an unknown protocol and a zero-sized query batch, naming each variable', () => {
    let error: ConfigValidationException | undefined;
    try {
      loadConfig(EmbeddingConfig, {
        EMBEDDING_HTTP_PROTOCOL: 'grpc',
        EMBEDDING_QUERY_BATCH_MAX: '0',
      });
    } catch (e) {
      error = e as ConfigValidationException;
    }
    expect(error?.problems.map((p) => p.variable).sort()).toEqual([
      'EMBEDDING_HTTP_PROTOCOL',
      'EMBEDDING_QUERY_BATCH_MAX',
    ]);
  });
});

describe('endpointOf', () => {
  it('adds the protocol path once, with or without a trailing slash or /v1', () => {
    expect(endpointOf('http://tei:8080/', 'tei')).toBe('http://tei:8080/embed');
    expect(endpointOf('http://vllm:8000', 'openai')).toBe('http://vllm:8000/v1/embeddings');
    expect(endpointOf('http://ollama:11434/v1/', 'openai')).toBe(
      'http://ollama:11434/v1/embeddings',
    );
  });
});
