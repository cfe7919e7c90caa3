import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { SCHEMA_FILE_NAME, scenarioJsonSchemaText } from './src/domain/scenario/jsonSchema.ts'

/**
 * Serves the scenario format's JSON Schema beside index.html (dev server and static build), from
 * the one schema, so exported files' `$schema` resolves wherever the planner is hosted.
 */
function scenarioSchemaFile(): Plugin {
  return {
    name: 'qkdvpp-scenario-schema',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0]?.endsWith(`/${SCHEMA_FILE_NAME}`) !== true) return next()
        response.setHeader('Content-Type', 'application/schema+json')
        response.end(scenarioJsonSchemaText())
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SCHEMA_FILE_NAME, source: scenarioJsonSchemaText() })
    },
  }
}

// `base: './'` lets the static build be served from any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), scenarioSchemaFile()],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Hang guards, not speed checks: the real-solver tests take up to a minute on a loaded
    // 2-core machine (speed is measured by npm run bench).
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
})
