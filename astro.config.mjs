// @ts-check
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

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
  // Le serveur (serveur/serveur.ts) refuse déjà au-delà de 1 Mo ; Astro ne lit pas
  // plus que ce plafond (1 Go par défaut), même appelé autrement.
  adapter: node({ mode: 'middleware', bodySizeLimit: 1024 * 1024 }),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // La protection CSRF des formulaires est faite par le serveur (serveur/proxy.ts) :
  // derrière le proxy TLS, Astro ne voit que http et refuserait l'origine https
  // que les navigateurs envoient.
  security: { checkOrigin: false },
  vite: {
    // Payload et ses dépendances restent des modules node_modules chargés à l'exécution.
    ssr: { external: ['payload', 'sharp', '@payloadcms/db-sqlite', '@payloadcms/db-postgres', '@payloadcms/db-mongodb', 'next'] },
  },
})
