import type { APIRoute } from 'astro'

import { parcourirJournal } from '../../../../cms/lectureJournal'
import { acteurDuCompte } from '../../../../domaine/acces/espace'
import { peutTout } from '../../../../domaine/acces/politique'
import { BOM_UTF8, cellulesJournal, ENTETES_JOURNAL, ligneCsv, nomFichierJournal } from '../../../../domaine/journal/csv'
import { lireFiltreJournal } from '../../../../domaine/journal/filtre'
import { payload } from '../../../lib/cms'
import { exigerConnexion } from '../../../lib/session'

export const prerender = false

const texte = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/**
 * Export CSV du journal d'audit, avec les mêmes filtres que la page et les
 * mêmes droits (coordination seule, décidé par la politique puis appliqué
 * par Payload). Les lignes sont lues par lots et envoyées au fil de l'eau :
 * un journal de plusieurs années ne tient pas en mémoire d'un coup.
 */
export const GET: APIRoute = async (Astro) => {
  const ouverte = await exigerConnexion(Astro)
  if (ouverte instanceof Response) return ouverte
  if (!peutTout(acteurDuCompte(ouverte.utilisateur), 'lire', 'journal'))
    return texte(403, 'Accès refusé : l’export du journal d’audit est réservé à la coordination du dispositif.')
  const { filtre, erreurs } = lireFiltreJournal(Astro.url.searchParams)
  if (!filtre) return texte(400, `Export impossible, filtres invalides :\n${Object.values(erreurs).join('\n')}`)

  const p = await payload()
  const lignes = parcourirJournal(p, ouverte.utilisateur, filtre)
  // Le premier lot est lu avant de répondre : un refus de Payload ou une base
  // indisponible donnent une vraie erreur, pas un fichier tronqué servi en 200.
  const premiere = await lignes.next()
  const encodeur = new TextEncoder()
  const corps = new ReadableStream<Uint8Array>({
    start(flux) {
      flux.enqueue(encodeur.encode(BOM_UTF8 + ligneCsv(ENTETES_JOURNAL) + (premiere.done ? '' : ligneCsv(cellulesJournal(premiere.value)))))
      if (premiere.done) flux.close()
    },
    async pull(flux) {
      // Un lot de lignes par appel : le flux avance au rythme où le client lit.
      let paquet = ''
      for (let i = 0; i < 500; i++) {
        const suivante = await lignes.next()
        if (suivante.done) {
          if (paquet) flux.enqueue(encodeur.encode(paquet))
          flux.close()
          return
        }
        paquet += ligneCsv(cellulesJournal(suivante.value))
      }
      flux.enqueue(encodeur.encode(paquet))
    },
    async cancel() {
      await lignes.return(undefined)
    },
  })
  return new Response(corps, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${nomFichierJournal(new Date())}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
