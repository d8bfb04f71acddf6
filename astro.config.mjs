// @ts-check
import node from '@astrojs/node'
import { defineConfig, fontProviders } from 'astro/config'

import { dsfrUtilise } from './site/construction/dsfrUtilise.ts'
import { DIRECTIVES_DES_PAGES } from './site/construction/politiqueDeSecurite.ts'
import { POLICES } from './site/construction/polices.ts'
import { precompression } from './site/construction/precompression.ts'

/** Variable CSS de la police Marianne, remplie par Astro et employée par le CSS du DSFR. */
const POLICE_MARIANNE = '--police-marianne'
const [regular, ...autresGraisses] = POLICES.map((p) => ({ weight: p.poids, style: p.style, src: /** @type {[string]} */ ([`./site/polices/${p.fichier}`]) }))

/**
 * Portail public : pages statiques construites depuis le contenu du CMS
 * (republiées à chaque modification dans l'admin), et routes à la demande
 * (recherche, espace connecté) servies par le même serveur (serveur/), en
 * mode « middleware ». La sortie est choisie par le pipeline de publication.
 */
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.PASSERELLE_SORTIE ?? './dist',
  // Un cache par construction : deux publications simultanées (tests, PostgreSQL
  // et SQLite) ne se marchent pas dessus.
  cacheDir: process.env.PASSERELLE_SORTIE ? `${process.env.PASSERELLE_SORTIE}/.cache` : './node_modules/.astro',
  output: 'static',
  // staticHeaders : la politique de sécurité (CSP) de chaque page statique est
  // écrite dans _headers.json, que le serveur envoie en en-tête HTTP (une
  // balise <meta> ne peut pas porter frame-ancestors).
  // Le serveur (serveur/serveur.ts) refuse déjà au-delà de 1 Mo ; Astro ne lit pas
  // plus que ce plafond (1 Go par défaut), même appelé autrement.
  adapter: node({ mode: 'middleware', staticHeaders: true, bodySizeLimit: 1024 * 1024 }),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  security: {
    // La protection CSRF des formulaires est faite par le serveur (serveur/proxy.ts) :
    // derrière le proxy TLS, Astro ne voit que http et refuserait l'origine https
    // que les navigateurs envoient.
    checkOrigin: false,
    // CSP stricte, sans 'unsafe-inline' : Astro ajoute à script-src et style-src
    // l'empreinte de chaque script ou style qu'il incruste dans une page.
    csp: { directives: [...DIRECTIVES_DES_PAGES] },
  },
  // Marianne réduite au français (site/construction/polices.ts), préchargée, avec
  // un repli sur Arial aux métriques ajustées : le texte ne bouge pas quand elle arrive.
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Marianne',
      cssVariable: POLICE_MARIANNE,
      fallbacks: ['arial', 'sans-serif'],
      options: {
        variants: [regular, ...autresGraisses],
      },
    },
  ],
  // Aucun bloc de code dans le portail : sans Shiki, aucun style incrusté que la CSP refuserait.
  markdown: { syntaxHighlight: false },
  integrations: [dsfrUtilise({ variablePolice: POLICE_MARIANNE }), precompression()],
  vite: {
    // Payload et ses dépendances restent des modules node_modules chargés à l'exécution.
    ssr: { external: ['payload', 'sharp', '@payloadcms/db-sqlite', '@payloadcms/db-postgres', '@payloadcms/db-mongodb', 'next'] },
  },
})
