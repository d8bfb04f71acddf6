import SearchableMap from 'minisearch/SearchableMap'

import { referentiels } from '../content/schemas/data-inclusion.ts'
import { codePhonetique } from './orthographe/phonetique.ts'
import type { DocumentService } from './port.ts'
import { estMotVideFrancais, mots, racine, replier } from './texte.ts'

/**
 * Le lexique de l'annuaire : les mots que contiennent les fiches indexées,
 * tenu à jour à chaque indexation et retrait. Les deux moteurs le tiennent de
 * la même façon, parce que la préparation de la saisie
 * (search/orthographe/preparation.ts), qui tourne avant l'un ou l'autre, en a
 * besoin pour savoir si un mot saisi existe, le corriger ou découper des mots
 * collés. Il dit :
 * - mot entier replié → nombre de services (correction d'une faute, complétion) ;
 * - racine → nombre de services (le mot existe-t-il, au pluriel près ?) ;
 * - code phonétique → mots (« hebergemen » → « hébergement ») ;
 * - la forme accentuée d'un mot, pour montrer une saisie corrigée
 *   (« Vouliez-vous dire : hébergement urgence »).
 */

/** Textes d'un service, par champ : les mêmes pour l'index plein texte et pour le lexique. */
export function textesDuService(doc: DocumentService) {
  const libelles = (codes: readonly string[], liste: Record<string, string>) => codes.map((c) => liste[c] ?? c).join(' ; ')
  return {
    nom: doc.nom,
    structure_nom: doc.structure_nom,
    type_libelle: referentiels.typesPartenaires[doc.type_partenaire] ?? '',
    thematiques_libelles: libelles(doc.thematiques, referentiels.thematiques),
    publics_libelles: libelles(doc.publics, referentiels.publics),
    description: doc.description,
    structure_description: doc.structure_description ?? '',
    precisions: [doc.publics_precisions, doc.conditions_acces, doc.frais_precisions, doc.mobilisation_precisions].filter(Boolean).join(' '),
    // Le lieu et le numéro court se cherchent comme du texte (« Nantua », « 3919 », « 116006 »).
    lieux: [doc.commune, doc.numero_court, doc.numero_court?.replace(/\s/g, '')].filter(Boolean).join(' '),
  }
}
export type TextesService = ReturnType<typeof textesDuService>

function majCompte(lexique: SearchableMap<number>, cle: string, delta: 1 | -1) {
  const n = (lexique.get(cle) ?? 0) + delta
  if (n <= 0) lexique.delete(cle)
  else lexique.set(cle, n)
}

const MOT_ACCENTUE = /[\p{L}\p{N}]+/gu

export class LexiqueAnnuaire {
  /** Mot entier replié → nombre de services qui le contiennent. */
  readonly mots = new SearchableMap<number>()
  /** Racine → nombre de services qui la contiennent. */
  readonly racines = new SearchableMap<number>()
  /** Code phonétique → mots de l'annuaire qui l'ont. */
  private readonly phonetiques = new Map<string, Set<string>>()
  /** Mot replié → sa forme accentuée (la première rencontrée). */
  private readonly formes = new Map<string, string>()

  /**
   * Mots significatifs d'un service (repliés, sans mots vides) ; à garder
   * pour le retirer plus tard. Note au passage les formes accentuées.
   */
  motsDuService(textes: TextesService): string[] {
    const resultat = new Set<string>()
    for (const texte of Object.values(textes)) {
      for (const m of mots(texte)) if (!estMotVideFrancais(m)) resultat.add(m)
      // Formes accentuées : seulement si le texte en contient une inconnue.
      if (/[^\x00-\x7f]/.test(texte))
        for (const [forme] of texte.matchAll(MOT_ACCENTUE)) {
          const plie = replier(forme)
          if (!this.formes.has(plie) && plie !== forme.toLowerCase()) this.formes.set(plie, forme.toLowerCase())
        }
    }
    return [...resultat]
  }

  /** Ajoute (+1) ou retire (−1) les mots d'un service. */
  compter(motsDuService: Iterable<string>, delta: 1 | -1): void {
    const racines = new Set<string>()
    for (const m of motsDuService) {
      racines.add(racine(m))
      const avant = this.mots.get(m)
      majCompte(this.mots, m, delta)
      if (/\d/.test(m) || m.length < 3) continue
      if (delta === 1 && avant === undefined) {
        const code = codePhonetique(m)
        const liste = this.phonetiques.get(code)
        if (liste) liste.add(m)
        else this.phonetiques.set(code, new Set([m]))
      } else if (delta === -1 && !this.mots.has(m)) this.phonetiques.get(codePhonetique(m))?.delete(m)
    }
    for (const r of racines) majCompte(this.racines, r, delta)
  }

  /** Le mot (replié) est-il dans l'annuaire, tel quel ou par sa racine ? */
  connait(mot: string): boolean {
    return this.mots.has(mot) || this.racines.has(racine(mot))
  }

  /** Mots de l'annuaire qui se prononcent comme ce code. */
  parPhonetique(code: string): ReadonlySet<string> {
    return this.phonetiques.get(code) ?? VIDE
  }

  /** Forme accentuée d'un mot replié de l'annuaire (« hebergement » → « hébergement »). */
  forme(mot: string): string {
    return this.formes.get(mot) ?? mot
  }

  /** Nombre de services qui contiennent le mot. */
  frequence(mot: string): number {
    return this.mots.get(mot) ?? 0
  }
}

const VIDE: ReadonlySet<string> = new Set()
