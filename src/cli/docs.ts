/// <reference types="node" />
/**
 * `npm run docs`: rewrites the README's scenario field table from the schema (the test in
 * docs.test.ts fails while it is stale).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { withFieldTable } from '../domain/scenario/fieldTable.ts'

const readme = fileURLToPath(new URL('../../README.md', import.meta.url))
writeFileSync(readme, withFieldTable(readFileSync(readme, 'utf8')))
console.log('README.md: scenario field table regenerated')
