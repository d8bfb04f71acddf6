import {
  formaterProbleme,
  validerLogigramme,
  type Logigramme,
  type ProblemeLogigramme,
  type ResultatValidation,
} from '../../content/schemas/logigramme'

/**
 * Passage entre le global Payload « logigramme » et le logigramme du schéma
 * zod. Le global stocke la même structure en champs « array », avec deux
 * différences d'écriture : l'identifiant d'étape s'appelle `identifiant`
 * (Payload réserve `id` à l'identifiant technique de chaque ligne) et les
 * champs vidés dans l'admin valent `null` ou `''`.
 */

export type BrancheDocument = { id?: string | null; libelle?: string | null; vers?: string | null }
export type EtapeDocument = {
  id?: string | null
  identifiant?: string | null
  type?: string | null
  phase?: string | null
  acteur?: string | null
  titre?: string | null
  texte?: string | null
  fondement?: string | null
  thematiques?: string[] | null
  branches?: BrancheDocument[] | null
}
export type DocumentLogigramme = {
  titre?: string | null
  introduction?: string | null
  etapes?: EtapeDocument[] | null
  updatedAt?: string | null
}

/** Champ facultatif : `null`, `''` ou que des espaces valent « absent ». */
const facultatif = (v: string | null | undefined) => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
/** Champ obligatoire : absent reste absent (message « obligatoire »), le reste est transmis tel quel. */
const obligatoire = (v: string | null | undefined) => (v === null ? undefined : v)

/** Données du global → entrée du schéma zod (sans les identifiants techniques des lignes). */
export function documentVersDonnees(doc: DocumentLogigramme): unknown {
  return {
    titre: obligatoire(doc.titre),
    introduction: facultatif(doc.introduction),
    etapes: (doc.etapes ?? []).map((e) => ({
      id: obligatoire(e.identifiant),
      type: obligatoire(e.type),
      phase: obligatoire(e.phase),
      acteur: facultatif(e.acteur),
      titre: obligatoire(e.titre),
      texte: obligatoire(e.texte),
      fondement: facultatif(e.fondement),
      thematiques: e.thematiques && e.thematiques.length > 0 ? e.thematiques : undefined,
      branches: (e.branches ?? []).map((b) => ({ libelle: facultatif(b.libelle), vers: obligatoire(b.vers) })),
    })),
  }
}

/** Logigramme validé → données à écrire dans le global (seed). */
export function logigrammeVersDocument(l: Logigramme): DocumentLogigramme {
  return {
    titre: l.titre,
    introduction: l.introduction ?? null,
    etapes: l.etapes.map((e) => ({
      identifiant: e.id,
      type: e.type,
      phase: e.phase,
      acteur: e.acteur ?? null,
      titre: e.titre,
      texte: e.texte,
      fondement: e.fondement ?? null,
      thematiques: e.thematiques ?? [],
      branches: e.branches.map((b) => ({ libelle: b.libelle ?? null, vers: b.vers })),
    })),
  }
}

export function validerDocument(doc: DocumentLogigramme): ResultatValidation {
  return validerLogigramme(documentVersDonnees(doc))
}

/** Chemin d'un champ dans le formulaire de l'admin (« etapes.3.branches.1.vers »). */
export function cheminPayload(p: ProblemeLogigramme): string {
  const chemin = p.chemin.map((s, i) => (s === 'id' && i === 2 && p.chemin[0] === 'etapes' ? 'identifiant' : String(s)))
  return chemin.length > 0 ? chemin.join('.') : 'etapes'
}

/** Erreurs au format de `ValidationError` de Payload : le message nomme l'étape et le champ. */
export function erreursPourPayload(problemes: ProblemeLogigramme[]): { path: string; message: string }[] {
  return problemes.map((p) => ({
    path: cheminPayload(p),
    message: formaterProbleme({ ...p, champ: p.champ === 'id' ? 'identifiant' : p.champ }),
  }))
}
