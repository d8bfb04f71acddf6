import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * Configuration du portail, lue une seule fois au démarrage et validée avec zod :
 * une variable absente ou mal formée arrête le démarrage avec un message en
 * français qui la nomme, plutôt qu'une erreur obscure plus tard.
 */

const schemaEnvironnement = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], {
      error: 'NODE_ENV doit valoir « development », « production » ou « test ».',
    }).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || /^(postgres(ql)?|mongodb(\+srv)?|file):/.test(v),
        'DATABASE_URL doit commencer par « postgres:// », « mongodb:// » ou « file: » (ou être absente pour la base SQLite embarquée).',
      ),
    PAYLOAD_SECRET: z
      .string()
      .optional()
      .refine((v) => !v || v.length >= 32, 'PAYLOAD_SECRET doit contenir au moins 32 caractères.')
      .refine(
        (v) => !v || !v.startsWith('a-remplacer'),
        'PAYLOAD_SECRET vaut encore la valeur d’exemple de .env.example : générez-en une avec « openssl rand -hex 32 ».',
      ),
    PASSERELLE_DONNEES: z.string().optional(),
    PORT: z.coerce
      .number({ error: 'PORT doit être un nombre.' })
      .int('PORT doit être un entier.')
      .min(1, 'PORT doit être compris entre 1 et 65535.')
      .max(65535, 'PORT doit être compris entre 1 et 65535.')
      .default(3000),
    HOST: z.string().default('127.0.0.1'),
    PASSERELLE_URL: z.url({ error: 'PASSERELLE_URL doit être une URL complète (https://…).' }).optional(),
    PUBLICATION_DELAI_MS: z.coerce
      .number({ error: 'PUBLICATION_DELAI_MS doit être un nombre de millisecondes.' })
      .int()
      .min(0)
      .max(600_000, 'PUBLICATION_DELAI_MS ne peut dépasser 600000 (10 minutes).')
      .default(3000),
    ANNUAIRE_DEMO: z
      .enum(['oui', 'non'], { error: 'ANNUAIRE_DEMO doit valoir « oui » ou « non ».' })
      .default('oui'),
    MEILI_URL: z.url({ error: 'MEILI_URL doit être une URL (http://meilisearch:7700).' }).optional(),
    MEILI_MASTER_KEY: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'PAYLOAD_SECRET est obligatoire en production (au moins 32 caractères, voir .env.example).',
      })
    }
    if (env.MEILI_URL && !env.MEILI_MASTER_KEY && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['MEILI_MASTER_KEY'],
        message: 'MEILI_MASTER_KEY est obligatoire quand MEILI_URL est définie en production.',
      })
    }
  })

export type TypeBase = 'sqlite' | 'postgres' | 'mongodb'

export type Configuration = {
  environnement: 'development' | 'production' | 'test'
  racine: string
  dossierDonnees: string
  base: { type: TypeBase; url: string }
  secret: string
  port: number
  hote: string
  urlPublique?: string
  /** Cookies de session « Secure » : toujours en production, et dès que l'URL publique est en HTTPS. */
  cookiesSecurises: boolean
  publicationDelaiMs: number
  /** Amorcer l'annuaire de démonstration (contacts fictifs) : oui par défaut, non en production. */
  annuaireDemo: boolean
  meilisearch?: { url: string; cle?: string }
}

export class ErreurConfiguration extends Error {
  constructor(public readonly problemes: string[]) {
    super(`Configuration invalide :\n${problemes.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ErreurConfiguration'
  }
}

/** Racine du dépôt : le code s'exécute aussi depuis des chunks compilés, on ne se fie donc pas à import.meta.url. */
export const racineDuProjet = () => process.env.PASSERELLE_RACINE ?? process.cwd()

function typeDeBase(url: string): TypeBase {
  if (url.startsWith('postgres')) return 'postgres'
  if (url.startsWith('mongodb')) return 'mongodb'
  return 'sqlite'
}

/** Un secret de développement est généré une fois dans data/ (ignoré par git) : aucun secret n'est commité. */
function secretDeDeveloppement(dossierDonnees: string): string {
  const fichier = path.join(dossierDonnees, 'secret-developpement.txt')
  if (existsSync(fichier)) return readFileSync(fichier, 'utf8').trim()
  mkdirSync(dossierDonnees, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(fichier, secret, { mode: 0o600 })
  return secret
}

export function lireConfiguration(env: Record<string, string | undefined> = process.env): Configuration {
  // Next pose NODE_ENV=production dans le processus quand il est absent : la racine de composition
  // transmet l'environnement qu'elle a lu (PASSERELLE_ENVIRONNEMENT) à la copie chargée par l'admin.
  const resultat = schemaEnvironnement.safeParse({ ...env, NODE_ENV: env.PASSERELLE_ENVIRONNEMENT ?? env.NODE_ENV })
  if (!resultat.success) {
    throw new ErreurConfiguration(
      resultat.error.issues.map((i) => `${i.path.join('.') || 'configuration'} : ${i.message}`),
    )
  }
  const e = resultat.data
  const racine = env.PASSERELLE_RACINE ?? process.cwd()
  const dossierDonnees = path.resolve(racine, e.PASSERELLE_DONNEES ?? 'data')
  const url = e.DATABASE_URL || `file:${path.join(dossierDonnees, 'passerelle.db')}`
  return {
    environnement: e.NODE_ENV,
    racine,
    dossierDonnees,
    base: { type: typeDeBase(url), url },
    secret: e.PAYLOAD_SECRET ?? secretDeDeveloppement(dossierDonnees),
    port: e.PORT,
    hote: e.HOST,
    urlPublique: e.PASSERELLE_URL,
    cookiesSecurises: e.NODE_ENV === 'production' || Boolean(e.PASSERELLE_URL?.startsWith('https:')),
    publicationDelaiMs: e.PUBLICATION_DELAI_MS,
    annuaireDemo: e.ANNUAIRE_DEMO === 'oui',
    meilisearch: e.MEILI_URL ? { url: e.MEILI_URL, cle: e.MEILI_MASTER_KEY } : undefined,
  }
}

let enCache: Configuration | undefined
/** La configuration du processus, lue au premier appel. */
export function configuration(): Configuration {
  enCache ??= lireConfiguration()
  return enCache
}
