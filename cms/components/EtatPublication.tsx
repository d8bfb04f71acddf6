import type { Payload } from 'payload'

import { STATUTS_PUBLICATION } from '../globals/Publication'

/**
 * Encart du tableau de bord de l'admin : l'opérateur voit d'un coup d'œil si
 * sa dernière modification est en ligne (« réussie à 10:42 »), en cours, ou
 * pourquoi elle a échoué.
 */
export async function EtatPublication({ payload }: { payload: Payload }) {
  const etat = await payload.findGlobal({ slug: 'publication', overrideAccess: true })
  const statut = (etat.statut ?? 'jamais') as keyof typeof STATUTS_PUBLICATION
  const couleur = statut === 'echouee' ? 'var(--theme-error-500)' : statut === 'reussie' ? 'var(--theme-success-500)' : 'var(--theme-elevation-500)'
  return (
    <section aria-labelledby="etat-publication" style={{ marginBottom: '2rem', borderLeft: `4px solid ${couleur}`, paddingLeft: '1rem' }}>
      <h2 id="etat-publication" style={{ fontSize: '1.1rem', margin: 0 }}>
        Publication du portail : {STATUTS_PUBLICATION[statut].toLowerCase()}
      </h2>
      <p style={{ margin: '0.25rem 0' }}>{etat.resume ?? 'Aucune publication depuis le démarrage.'}</p>
      {statut === 'echouee' && etat.erreur && (
        <details>
          <summary>Raison de l’échec</summary>
          <pre style={{ whiteSpace: 'pre-wrap', fontSize: '0.8rem' }}>{etat.erreur}</pre>
        </details>
      )}
      <p style={{ margin: 0 }}>
        <a href="/admin/globals/publication">Détail de la publication</a> · <a href="/">Voir le portail</a>
      </p>
    </section>
  )
}
