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
  // Le typage de tout le dépôt est vérifié par `tsc --noEmit` (premier pas de
  // `npm test`) : inutile de le refaire à chaque construction de l'admin.
  typescript: { ignoreBuildErrors: true },
  images: { localPatterns: [{ pathname: '/api/medias/file/**' }] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
