import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** L'admin Payload est servi par le serveur unique du portail (serveur/), sur la même origine. */
const nextConfig: NextConfig = {
  turbopack: { root: racine },
  outputFileTracingRoot: racine,
  poweredByHeader: false,
  images: { localPatterns: [{ pathname: '/api/medias/file/**' }] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
