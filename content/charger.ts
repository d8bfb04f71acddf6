import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { z } from 'zod'

/**
 * Lit un fichier de contenu éditorial et le valide avec son schéma zod. Une
 * erreur nomme le fichier, l'entrée (avec son identifiant) et le champ, en
 * français, pour que l'opérateur corrige sans lire de code.
 */
export class ErreurContenu extends Error {
  constructor(
    public readonly fichier: string,
    public readonly problemes: string[],
  ) {
    super(`Fichier de contenu invalide « ${fichier} » :\n${problemes.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ErreurContenu'
  }
}


function identifiant(entree: unknown): string | undefined {
  if (!entree || typeof entree !== 'object') return undefined
  const e = entree as Record<string, unknown>
  const id = e.slug ?? e.code ?? e.id
  return typeof id === 'string' ? id : undefined
}

/** « sites[3] (brigade-nantua) › compagnie » : où se trouve le problème dans le fichier. */
export function decrireChemin(donnees: unknown, chemin: readonly PropertyKey[]): string {
  let courant: unknown = donnees
  const morceaux: string[] = []
  for (const cle of chemin) {
    courant = courant && typeof courant === 'object' ? (courant as Record<PropertyKey, unknown>)[cle] : undefined
    if (typeof cle === 'number') {
      const id = identifiant(courant)
      morceaux[morceaux.length - 1] += `[${cle}]${id ? ` (${id})` : ''}`
    } else morceaux.push(String(cle))
  }
  return morceaux.join(' › ') || 'racine du fichier'
}

export function validerContenu<S extends z.ZodType>(schema: S, donnees: unknown, fichier: string): z.infer<S> {
  const resultat = schema.safeParse(donnees)
  if (resultat.success) return resultat.data
  throw new ErreurContenu(
    fichier,
    resultat.error.issues.map((i) => `${decrireChemin(donnees, i.path)} : ${i.message}`),
  )
}

export function chargerContenu<S extends z.ZodType>(schema: S, nomFichier: string, dossier: string): z.infer<S> {
  const chemin = path.join(dossier, nomFichier)
  let brut: string
  try {
    brut = readFileSync(chemin, 'utf8')
  } catch {
    throw new ErreurContenu(nomFichier, ['fichier introuvable ou illisible'])
  }
  let donnees: unknown
  try {
    donnees = JSON.parse(brut)
  } catch (e) {
    throw new ErreurContenu(nomFichier, [`JSON invalide : ${(e as Error).message}`])
  }
  return validerContenu(schema, donnees, nomFichier)
}
