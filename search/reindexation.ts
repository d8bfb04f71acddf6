import cliProgress from 'cli-progress'

import type { DocumentServiceSaisi, MoteurRecherche } from './port.ts'

/**
 * Reconstruction complète de l'index avec une barre de progression et un
 * compte final : le cœur de `npm run search:reindex` (le script, côté CMS,
 * lit les services publiés et appelle cette fonction). La reconstruction se
 * fait à côté puis remplace l'index d'un coup (remplacerTout) : les
 * recherches en cours ne voient jamais un index vide.
 */
export async function reindexerAvecProgression(
  moteur: MoteurRecherche,
  documents: readonly DocumentServiceSaisi[],
  flux: NodeJS.WritableStream = process.stderr,
): Promise<{ documents: number; duree_ms: number }> {
  const barre = new cliProgress.SingleBar(
    { stream: flux, format: 'Indexation [{bar}] {value}/{total} services', hideCursor: true },
    cliProgress.Presets.shades_classic,
  )
  const debut = performance.now()
  barre.start(documents.length, 0)
  try {
    await moteur.remplacerTout(documents, { progression: (faits) => barre.update(faits) })
    barre.update(documents.length)
  } finally {
    barre.stop()
  }
  const { documents: indexes } = await moteur.statistiques()
  const duree = Math.round(performance.now() - debut)
  flux.write(`${indexes} service${indexes > 1 ? 's' : ''} indexé${indexes > 1 ? 's' : ''} (${moteur.nom}) en ${duree} ms\n`)
  return { documents: indexes, duree_ms: duree }
}
