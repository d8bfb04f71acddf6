import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

/**
 * Les paquets de production du portail, leur version installée et leur licence,
 * lues dans node_modules : un service de l'État doit pouvoir dire ce qu'il fait
 * tourner et sous quelle licence. La dernière version connue vient du registre
 * (`npm outdated`), quand il répond.
 */
export type Paquet = {
  nom: string
  demandee: string
  installee?: string
  derniere?: string
  licence: string
}

const schemaManifeste = z.object({
  version: z.string().optional(),
  // Forme SPDX actuelle (« MIT », « (MIT OR Apache-2.0) »), ou anciennes formes objet et tableau.
  license: z.union([z.string(), z.object({ type: z.string() })]).optional(),
  licenses: z.array(z.union([z.string(), z.object({ type: z.string() })])).optional(),
})

const typeDe = (l: string | { type: string }) => (typeof l === 'string' ? l : l.type).trim()

/** Licence déclarée par le paquet ; à défaut, ce que l'on sait (fichier de licence présent ou non). */
export function licenceDe(dossierPaquet: string): { version?: string; licence: string } {
  let texte: string
  try {
    texte = readFileSync(path.join(dossierPaquet, 'package.json'), 'utf8')
  } catch {
    return { licence: 'non installé' }
  }
  let brut: unknown
  try {
    brut = JSON.parse(texte)
  } catch {
    return { licence: 'manifeste illisible' }
  }
  const lu = schemaManifeste.safeParse(brut)
  if (!lu.success) return { licence: 'manifeste illisible' }
  const { version, license, licenses } = lu.data
  if (license && typeDe(license)) return { version, licence: typeDe(license) }
  if (licenses?.length) return { version, licence: licenses.map(typeDe).join(' OR ') }
  const fichier = readdirSync(dossierPaquet).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
  return { version, licence: fichier ? `non déclarée (voir ${fichier})` : 'non déclarée' }
}

/** Les dépendances de production de package.json, avec version installée et licence. */
export function paquetsDeProduction(racine: string): Paquet[] {
  const manifeste = z
    .object({ dependencies: z.record(z.string(), z.string()).default({}) })
    .parse(JSON.parse(readFileSync(path.join(racine, 'package.json'), 'utf8')))
  return Object.entries(manifeste.dependencies)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([nom, demandee]) => {
      const dossier = path.join(racine, 'node_modules', ...nom.split('/'))
      const { version, licence } = existsSync(dossier) ? licenceDe(dossier) : { version: undefined, licence: 'non installé' }
      return { nom, demandee, installee: version, licence }
    })
}

/** Sortie JSON de `npm outdated --json` : seuls les paquets en retard y figurent. */
const schemaOutdated = z.record(z.string(), z.object({ latest: z.string().optional() }).loose())

/**
 * Complète chaque paquet avec la dernière version du registre. `sortieNpm`
 * absente (registre injoignable, npm en erreur) : dernière version inconnue.
 * Un paquet absent d'une réponse valide est à jour.
 */
export function avecDernieresVersions(paquets: Paquet[], sortieNpm: string | undefined): Paquet[] {
  let enRetard: z.infer<typeof schemaOutdated> | undefined
  try {
    const lu = sortieNpm === undefined ? undefined : JSON.parse(sortieNpm || '{}')
    // npm répond `{"error": {…}}` quand le registre ne répond pas.
    enRetard = lu && !('error' in lu) ? schemaOutdated.parse(lu) : undefined
  } catch {
    enRetard = undefined
  }
  return paquets.map((p) => ({ ...p, derniere: enRetard ? (enRetard[p.nom]?.latest ?? p.installee) : undefined }))
}

const enRetard = (p: Paquet) => p.derniere !== undefined && p.installee !== undefined && p.derniere !== p.installee

/** Tableau lisible : un paquet par ligne, les paquets en retard marqués, un bilan. */
export function tableau(paquets: Paquet[], registreJoignable: boolean): string {
  const lignes = [['Paquet', 'Installée', 'Dernière', 'Licence'], ...paquets.map((p) => [
    `${enRetard(p) ? '* ' : '  '}${p.nom}`,
    p.installee ?? 'absente',
    p.derniere ?? 'inconnue',
    p.licence,
  ])]
  const largeurs = lignes[0]!.map((_, i) => Math.max(...lignes.map((l) => l[i]!.length)))
  const texte = lignes.map((l) => l.map((c, i) => c.padEnd(largeurs[i]!)).join('  ').trimEnd())
  const retard = paquets.filter(enRetard).length
  texte.push(
    '',
    registreJoignable
      ? `${paquets.length} paquets de production ; ${retard} en retard sur le registre (marqués *).`
      : `${paquets.length} paquets de production ; registre injoignable : dernières versions inconnues.`,
  )
  return texte.join('\n')
}
