import { ACTEURS, PHASES, THEMATIQUES, TYPES_ETAPE, type Logigramme } from '../../content/schemas/logigramme'
import { graphe, libelleBranche, type Graphe } from './graphe'
import { echapper } from './texte'

/**
 * Version texte complète du logigramme, placée juste sous le schéma : la liste
 * ordonnée des étapes (mêmes numéros que le schéma et le PDF), chacune avec
 * son texte, son fondement, ses branches (liens vers l'étape visée) et les
 * thématiques de l'annuaire à mobiliser.
 */

export const ancreEtape = (id: string) => `etape-${id}`
export const lienThematique = (code: string) => `/annuaire/recherche?thematique=${encodeURIComponent(code)}`

export type OptionsAlternative = {
  /** Niveau des titres d'étape (3 sous un titre de section h2). */
  niveauTitre?: 2 | 3 | 4
  /** Adresse de la page du questionnaire pour une étape (lien « répondre à partir d'ici »), ou rien. */
  lienQuestionnaire?: (id: string) => string
}

const paragraphes = (texte: string) =>
  texte
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${echapper(p)}</p>`)
    .join('')

export function alternativeTextuelleHtml(source: Logigramme | Graphe, options: OptionsAlternative = {}): string {
  const g = 'ordre' in source ? source : graphe(source)
  const h = `h${options.niveauTitre ?? 3}`
  const items = g.ordre.map((e) => {
    const n = g.numero(e.id)
    const meta = [TYPES_ETAPE[e.type], `phase ${PHASES[e.phase]}`, e.acteur ? ACTEURS[e.acteur] : undefined].filter(Boolean).join(' · ')
    const suites = g.suivantes(e.id)
    const branches =
      suites.length === 0
        ? `<p class="logigramme-fin"><strong>Fin du parcours.</strong></p>`
        : `<ul class="logigramme-branches">${suites
            .map(
              ({ branche, etape: s }) =>
                `<li>${echapper(libelleBranche(branche))} : aller à l’<a href="#${ancreEtape(s.id)}">étape ${g.numero(s.id)}, ${echapper(s.titre)}</a></li>`,
            )
            .join('')}</ul>`
    const thematiques = e.thematiques?.length
      ? `<p>Partenaires à mobiliser (annuaire) : ${e.thematiques
          .map((c) => `<a href="${echapper(lienThematique(c))}">${echapper(THEMATIQUES[c] ?? c)}</a>`)
          .join(', ')}.</p>`
      : ''
    const questionnaire = options.lienQuestionnaire
      ? `<p><a class="fr-link fr-text--sm" href="${echapper(options.lienQuestionnaire(e.id))}">Ouvrir cette étape dans le questionnaire<span class="fr-sr-only"> (étape ${n})</span></a></p>`
      : ''
    return (
      `<li id="${ancreEtape(e.id)}" class="logigramme-etape logigramme-etape--${e.type}">` +
      `<${h}>${n}. ${echapper(e.titre)}</${h}>` +
      `<p class="logigramme-meta">${echapper(meta)}</p>` +
      paragraphes(e.texte) +
      (e.fondement ? `<p><strong>Fondement :</strong> ${echapper(e.fondement)}</p>` : '') +
      thematiques +
      branches +
      questionnaire +
      `</li>`
    )
  })
  // Numéros dans les titres (même numéro que le schéma) : pas de numéro de liste en plus ; role="list"
  // garde la sémantique de liste que certains lecteurs d'écran retirent sans puces.
  return `<ol class="logigramme-alternative fr-raw-list" role="list">${items.join('')}</ol>`
}
