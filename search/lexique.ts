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

/** Nombre de services qui contiennent un mot : un objet partagé par l'arbre radix et la table, modifié en place. */
export type Compte = { n: number }

const MOT_ACCENTUE = /[\p{L}\p{N}]+/gu
/** Textes déjà analysés gardés au plus (mémoire bornée, vidée au-delà). */
const MAX_TEXTES_VUS = 50_000

export class LexiqueAnnuaire {
  /**
   * Mot entier replié → nombre de services qui le contiennent (arbre radix :
   * recherche à une ou deux fautes, complétion). Le compte est un objet
   * modifié en place : l'arbre n'est touché qu'à l'arrivée ou au départ d'un
   * mot, pas à chaque service indexé.
   */
  readonly mots = new SearchableMap<Compte>()
  private readonly comptesMots = new Map<string, Compte>()
  /** Racine → nombre de services qui la contiennent. */
  readonly racines = new Map<string, number>()
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
    for (const texte of Object.values(textes)) for (const m of this.analyser(texte)) resultat.add(m)
    return [...resultat]
  }

  /**
   * Mots significatifs d'un texte, et formes accentuées notées au passage.
   * Les fiches d'un annuaire répètent les mêmes textes (libellés, descriptions
   * d'un réseau) : chaque texte distinct n'est analysé qu'une fois.
   */
  private analyser(texte: string): readonly string[] {
    let resultat = this.textesVus.get(texte)
    if (resultat) return resultat
    resultat = mots(texte).filter((m) => !estMotVideFrancais(m))
    if (/[^\x00-\x7f]/.test(texte))
      for (const [forme] of texte.matchAll(MOT_ACCENTUE)) {
        const minuscule = forme.toLowerCase()
        const plie = replier(minuscule)
        if (plie !== minuscule && !this.formes.has(plie)) this.formes.set(plie, minuscule)
      }
    if (this.textesVus.size >= MAX_TEXTES_VUS) this.textesVus.clear()
    this.textesVus.set(texte, resultat)
    return resultat
  }
  private readonly textesVus = new Map<string, readonly string[]>()

  /** Ajoute (+1) ou retire (−1) les mots d'un service. */
  compter(motsDuService: Iterable<string>, delta: 1 | -1): void {
    const racines = new Set<string>()
    for (const m of motsDuService) {
      racines.add(racine(m))
      let compte = this.comptesMots.get(m)
      if (!compte) {
        if (delta < 0) continue
        compte = { n: 0 }
        this.comptesMots.set(m, compte)
        this.mots.set(m, compte)
        if (!/\d/.test(m) && m.length >= 3) {
          const code = codePhonetique(m)
          const liste = this.phonetiques.get(code)
          if (liste) liste.add(m)
          else this.phonetiques.set(code, new Set([m]))
        }
      }
      compte.n += delta
      if (compte.n <= 0) {
        this.comptesMots.delete(m)
        this.mots.delete(m)
        this.phonetiques.get(codePhonetique(m))?.delete(m)
      }
    }
    for (const r of racines) {
      const n = (this.racines.get(r) ?? 0) + delta
      if (n <= 0) this.racines.delete(r)
      else this.racines.set(r, n)
    }
  }

  /** Le mot (replié) est-il dans l'annuaire, tel quel ? */
  a(mot: string): boolean {
    return this.comptesMots.has(mot)
  }

  /** Le mot (replié) est-il dans l'annuaire, tel quel ou par sa racine ? */
  connait(mot: string): boolean {
    return this.comptesMots.has(mot) || this.racines.has(racine(mot))
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
    return this.comptesMots.get(mot)?.n ?? 0
  }
}

const VIDE: ReadonlySet<string> = new Set()
