import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { ErreurConfiguration, lireConfiguration } from '../../socle/configuration'

/**
 * Cohérence du déploiement Docker, vérifiée sans moteur Docker : le fichier
 * docker-compose.yml, le modèle .env.example, le Dockerfile et la configuration
 * réelle du portail (socle/configuration.ts) doivent rester d'accord.
 */

const racine = path.resolve(import.meta.dirname, '..', '..')
const lire = (fichier: string) => readFileSync(path.join(racine, fichier), 'utf8')

// ---------------------------------------------------------------------------
// docker-compose.yml et son interpolation (${VAR}, ${VAR:-défaut}, ${VAR:?erreur}…)

type Service = {
  image?: string
  build?: unknown
  env_file?: string | (string | { path: string })[]
  environment?: Record<string, string | number | boolean | null> | string[]
  depends_on?: string[] | Record<string, { condition?: string }>
  ports?: (string | number | Record<string, unknown>)[]
  volumes?: (string | Record<string, unknown>)[]
  healthcheck?: { test?: string | string[]; disable?: boolean }
  restart?: string
}
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> }

const texteCompose = lire('docker-compose.yml')
const compose = parse(texteCompose) as Compose
const services = compose?.services ?? {}

/** Variables lues par Compose, avec ce qui se passe quand elles manquent. */
type Reference = { nom: string; operateur?: string; complement?: string }
const MOTIF_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}/g

function references(texte: string): Reference[] {
  const sansEchappements = texte.replace(/\$\$/g, '')
  return [...sansEchappements.matchAll(MOTIF_REFERENCE)].map(([, nom, operateur, complement]) => ({
    nom: nom!,
    operateur,
    complement,
  }))
}

/** Interpolation comme `docker compose config`, à partir de valeurs données. */
function interpoler(valeur: string, variables: Record<string, string>): string {
  return valeur
    .replace(/\$\$/g, '\u0000')
    .replace(MOTIF_REFERENCE, (_, nom: string, operateur: string | undefined, complement = '') => {
      const definie = Object.hasOwn(variables, nom)
      const v = variables[nom]
      const vide = !definie || v === ''
      switch (operateur) {
        case ':-':
          return vide ? complement : v!
        case '-':
          return definie ? v! : complement
        case ':?':
          if (vide) throw new Error(`Compose refuserait de démarrer : ${complement}`)
          return v!
        case '?':
          if (!definie) throw new Error(`Compose refuserait de démarrer : ${complement}`)
          return v!
        case ':+':
          return vide ? '' : complement
        case '+':
          return definie ? complement : ''
        default:
          return v ?? ''
      }
    })
    .replace(/\u0000/g, '$')
}

function environnementBrut(service: Service | undefined): Record<string, string> {
  const env = service?.environment
  if (!env) return {}
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((ligne) => {
        const i = ligne.indexOf('=')
        return i < 0 ? [ligne, ''] : [ligne.slice(0, i), ligne.slice(i + 1)]
      }),
    )
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]))
}

// ---------------------------------------------------------------------------
// .env.example

const texteEnvExemple = lire('.env.example')

/** Affectations actives (non commentées) de .env.example. */
const valeursExemple: Record<string, string> = Object.fromEntries(
  texteEnvExemple
    .split(/\r?\n/)
    .map((l) => l.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/))
    .filter((m): m is RegExpMatchArray => Boolean(m))
    .map(([, k, v]) => [k!, v!.trim().replace(/^(['"])(.*)\1$/, '$2')]),
)

/** Variables documentées, y compris facultatives laissées en commentaire (`# VAR=…`). */
const documentees = new Set(
  texteEnvExemple
    .split(/\r?\n/)
    .map((l) => l.match(/^\s*#?\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=/)?.[1])
    .filter((n): n is string => Boolean(n)),
)

/** .env tel que l'exploitant le remplit : chaque « a-remplacer… » devient un secret généré. */
const valeursRemplies: Record<string, string> = Object.fromEntries(
  Object.entries(valeursExemple).map(([k, v]) => [k, v.startsWith('a-remplacer') ? randomBytes(32).toString('hex') : v]),
)

/** L'environnement que recevrait le conteneur app, .env étant copié depuis .env.example puis rempli. */
const environnementApp = (valeurs = valeursRemplies) =>
  Object.fromEntries(
    Object.entries(environnementBrut(services.app)).map(([k, v]) => [k, interpoler(v, valeurs)]),
  )

// ---------------------------------------------------------------------------
// Configuration réelle du portail

const dossierTemporaire = mkdtempSync(path.join(tmpdir(), 'passerelle-docker-'))
afterAll(() => rmSync(dossierTemporaire, { recursive: true, force: true }))

/** lireConfiguration en production, données dans un dossier jetable (aucun effet sur data/). */
function configurer(env: Record<string, string>) {
  return lireConfiguration({ ...env, NODE_ENV: 'production', PASSERELLE_DONNEES: dossierTemporaire })
}

function problemes(env: Record<string, string>): string[] {
  try {
    configurer(env)
    return []
  } catch (e) {
    if (e instanceof ErreurConfiguration) return e.problemes
    throw e
  }
}

/** Variables nommées par les erreurs de configuration (« VAR : message »). */
const variablesEnErreur = (liste: string[]) => liste.map((p) => p.split(' : ')[0]!).filter(Boolean)

/** Variables connues du schéma de socle/configuration.ts (clés « NOM: z… »). */
const variablesDuSchema = new Set(
  [...lire('socle/configuration.ts').matchAll(/^\s*([A-Z][A-Z0-9_]*):\s*(?:z\b|secret\()/gm)].map((m) => m[1]!),
)

// ---------------------------------------------------------------------------
// Dockerfile

type Instruction = { mot: string; args: string }
type Etape = { image: string; nom?: string; instructions: Instruction[] }

function lireDockerfile(texte: string): { etapes: Etape[]; argsGlobaux: Record<string, string> } {
  const lignes = texte
    .split(/\r?\n/)
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\[ \t]*\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const etapes: Etape[] = []
  const argsGlobaux: Record<string, string> = {}
  for (const ligne of lignes) {
    const [, mot = '', args = ''] = ligne.match(/^(\S+)\s*(.*)$/) ?? []
    const instruction = { mot: mot.toUpperCase(), args: args.trim() }
    if (instruction.mot === 'FROM') {
      const m = instruction.args.match(/^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i)
      const image = (m?.[1] ?? '').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => argsGlobaux[n] ?? '')
      etapes.push({ image, nom: m?.[2]?.toLowerCase(), instructions: [] })
    } else if (etapes.length === 0) {
      if (instruction.mot === 'ARG') {
        const [n, v = ''] = instruction.args.split('=')
        argsGlobaux[n!.trim()] = v.trim().replace(/^(['"])(.*)\1$/, '$2')
      }
    } else etapes.at(-1)!.instructions.push(instruction)
  }
  return { etapes, argsGlobaux }
}

/** Une étape et celles dont elle dérive (FROM <autre étape>), de la plus ancienne à elle-même. */
function lignee(etapes: Etape[], etape: Etape): Etape[] {
  const parente = etapes.find((e) => e.nom && e.nom === etape.image.toLowerCase())
  return parente && parente !== etape ? [...lignee(etapes, parente), etape] : [etape]
}

function variablesEnv(instructions: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const { mot, args } of instructions) {
    if (mot !== 'ENV' && mot !== 'ARG') continue
    if (mot === 'ENV' && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
      const [k, ...reste] = args.split(/\s+/)
      env[k!] = reste.join(' ')
      continue
    }
    for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g))
      env[m[1]!] = (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2')
  }
  return env
}

const dockerfile = lireDockerfile(lire('Dockerfile'))
const finale = dockerfile.etapes.at(-1)
const ligneeFinale = finale ? lignee(dockerfile.etapes, finale) : []
const instructionsFinales = ligneeFinale.flatMap((e) => e.instructions)
const dernieres = (mot: string) => instructionsFinales.filter((i) => i.mot === mot)

// ===========================================================================

describe('docker-compose.yml', () => {
  it('décrit les services app, postgres et meilisearch', () => {
    expect(Object.keys(services).sort()).toEqual(expect.arrayContaining(['app', 'meilisearch', 'postgres']))
    expect(services.app?.build, 'app doit être construit depuis le Dockerfile du dépôt').toBeDefined()
  })

  it('fige la version de chaque image (ni « latest », ni étiquette absente ou flottante)', () => {
    const images = Object.entries(services).filter(([, s]) => s.image)
    expect(images.length).toBeGreaterThanOrEqual(2)
    for (const [nom, { image }] of images) {
      const [, etiquette = ''] = image!.match(/^[^@]+?:([^:/@]+)$/) ?? []
      expect(etiquette, `${nom} : l'image « ${image} » doit porter une étiquette`).not.toBe('')
      expect(etiquette, `${nom} : « latest » interdit`).not.toMatch(/latest/i)
      expect(etiquette, `${nom} : version explicite attendue (x.y ou x.y.z), pas « ${etiquette} »`).toMatch(/^v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?$/)
    }
  })

  it('utilise PostgreSQL 17 et une version précise de Meilisearch', () => {
    expect(services.postgres?.image).toMatch(/^postgres:17\.\d+(-[a-z]+)?$/)
    expect(services.meilisearch?.image).toMatch(/^getmeili\/meilisearch:v1\.\d+\.\d+$/)
  })

  it('ne publie que le portail, et seulement sur 127.0.0.1 (proxy TLS devant)', () => {
    expect(services.postgres?.ports ?? [], 'PostgreSQL ne doit publier aucun port').toEqual([])
    expect(services.meilisearch?.ports ?? [], 'Meilisearch ne doit publier aucun port').toEqual([])
    const ports = services.app?.ports ?? []
    expect(ports).toHaveLength(1)
    expect(String(ports[0])).toMatch(/^127\.0\.0\.1:\d+:3000$/)
  })

  it('surveille la santé des trois services, et le portail attend une base prête', () => {
    for (const nom of ['app', 'postgres', 'meilisearch']) {
      const sante = services[nom]?.healthcheck
      expect(sante?.test, `${nom} : healthcheck manquant`).toBeDefined()
      expect(sante?.disable).not.toBe(true)
    }
    expect(JSON.stringify(services.app?.healthcheck?.test)).toContain('/sante')
    expect(JSON.stringify(services.postgres?.healthcheck?.test)).toContain('pg_isready')
    expect(JSON.stringify(services.meilisearch?.healthcheck?.test)).toContain('/health')
    const dependances = services.app?.depends_on
    expect(dependances && !Array.isArray(dependances), 'depends_on doit préciser une condition').toBe(true)
    const conditions = dependances as Record<string, { condition?: string }>
    expect(conditions.postgres?.condition).toBe('service_healthy')
    expect(conditions.meilisearch).toBeDefined()
    for (const nom of ['app', 'postgres', 'meilisearch']) expect(services[nom]?.restart).toBe('unless-stopped')
  })

  it('garde les données dans des volumes nommés déclarés', () => {
    const declares = Object.keys(compose.volumes ?? {})
    const montage = (nom: string, cible: string) =>
      (services[nom]?.volumes ?? []).map(String).find((v) => v.split(':')[1] === cible)?.split(':')[0]
    for (const [nom, cible] of [
      ['app', '/app/data'],
      ['postgres', '/var/lib/postgresql/data'],
      ['meilisearch', '/meili_data'],
    ] as const) {
      const volume = montage(nom, cible)
      expect(volume, `${nom} : aucun volume monté sur ${cible}`).toBeDefined()
      expect(declares, `${nom} : « ${volume} » doit être un volume nommé déclaré`).toContain(volume)
    }
  })

  it('lit .env et y fait correspondre base et recherche', () => {
    const envFile = services.app?.env_file
    const fichiers = (Array.isArray(envFile) ? envFile : [envFile]).map((f) => (typeof f === 'object' && f ? f.path : f))
    expect(fichiers).toContain('.env')

    const app = environnementApp()
    const url = new URL(app.DATABASE_URL!)
    const postgres = Object.fromEntries(
      Object.entries(environnementBrut(services.postgres)).map(([k, v]) => [k, interpoler(v, valeursRemplies)]),
    )
    expect(url.protocol).toBe('postgres:')
    expect(url.hostname, 'DATABASE_URL doit viser le service postgres').toBe('postgres')
    expect(decodeURIComponent(url.username)).toBe(postgres.POSTGRES_USER)
    expect(decodeURIComponent(url.password)).toBe(postgres.POSTGRES_PASSWORD)
    expect(url.pathname.slice(1)).toBe(postgres.POSTGRES_DB)

    const meili = Object.fromEntries(
      Object.entries(environnementBrut(services.meilisearch)).map(([k, v]) => [k, interpoler(v, valeursRemplies)]),
    )
    expect(new URL(app.MEILI_URL!).host).toBe('meilisearch:7700')
    expect(app.MEILI_MASTER_KEY).toBe(meili.MEILI_MASTER_KEY)
    expect(meili.MEILI_ENV).toBe('production')
    expect(meili.MEILI_NO_ANALYTICS).toBe('true')
  })

  it("impose les secrets avec un message d'erreur en français (${VAR:?…})", () => {
    const obligatoires = references(JSON.stringify(services.app?.environment))
    for (const nom of ['PAYLOAD_SECRET', 'MEILI_MASTER_KEY']) {
      const ref = obligatoires.find((r) => r.nom === nom)
      expect(ref?.operateur, `${nom} doit utiliser la syntaxe \${${nom}:?message}`).toBe(':?')
      expect(ref?.complement ?? '').toMatch(/manquante?|obligatoire|générez/i)
    }
    expect(() => interpoler(environnementBrut(services.app).PAYLOAD_SECRET!, {})).toThrow(/PAYLOAD_SECRET/)
  })
})

describe('proxy de confiance', () => {
  it('le service app croit la passerelle du réseau interne, par laquelle arrive le proxy TLS de l’hôte', () => {
    const reseau = (compose as Compose & { networks?: { default?: { ipam?: { config?: { gateway?: string }[] } } } }).networks
    const passerelle = reseau?.default?.ipam?.config?.[0]?.gateway
    expect(passerelle, 'docker-compose.yml doit fixer la passerelle du réseau par défaut').toBeDefined()
    expect(configurer(environnementApp()).proxysDeConfiance).toEqual([passerelle])
  })
})

describe('.env.example', () => {
  it('documente chaque variable lue par docker-compose.yml', () => {
    const lues = [...new Set(references(texteCompose).map((r) => r.nom))]
    expect(lues).toEqual(expect.arrayContaining(['POSTGRES_PASSWORD', 'PAYLOAD_SECRET', 'MEILI_MASTER_KEY', 'PASSERELLE_URL']))
    const absentes = lues.filter((n) => !documentees.has(n))
    expect(absentes, `variables lues par Compose mais absentes de .env.example`).toEqual([])
    // Sans valeur par défaut, elles doivent y être affectées (sinon `docker compose` échoue).
    const sansDefaut = references(texteCompose).filter((r) => !r.operateur || r.operateur.includes('?'))
    for (const { nom } of sansDefaut) expect(valeursExemple[nom], `${nom} doit être affectée dans .env.example`).toBeDefined()
  })

  it('ne contient que des valeurs de substitution, et dit comment générer un secret', () => {
    expect(texteEnvExemple).toContain('openssl rand -hex 32')
    for (const nom of ['POSTGRES_PASSWORD', 'PAYLOAD_SECRET', 'MEILI_MASTER_KEY'])
      expect(valeursExemple[nom], `${nom} doit être un exemple manifeste`).toMatch(/remplacer/i)
    expect(valeursExemple.ANNUAIRE_DEMO ?? 'non').toBe('non')
  })
})

describe('configuration de production fournie au service app', () => {
  it('est acceptée par la vraie lireConfiguration (socle/configuration.ts)', () => {
    const env = environnementApp()
    expect(env.NODE_ENV, 'le service app doit fixer NODE_ENV=production').toBe('production')
    const config = configurer(env)
    expect(config.environnement).toBe('production')
    expect(config.base.type, 'DATABASE_URL doit désigner PostgreSQL, pas la base SQLite de secours').toBe('postgres')
    expect(config.secret).toBe(valeursRemplies.PAYLOAD_SECRET)
    expect(config.hote).toBe('0.0.0.0')
    expect(config.port).toBe(3000)
    expect(config.urlPublique).toMatch(/^https:\/\//)
    expect(config.meilisearch).toEqual({ url: 'http://meilisearch:7700', cle: valeursRemplies.MEILI_MASTER_KEY })
    expect(config.annuaireDemo).toBe(false)
  })

  it("refuse de démarrer avec le secret d'exemple laissé tel quel", () => {
    expect(() => configurer(environnementApp(valeursExemple))).toThrow(/PAYLOAD_SECRET vaut encore la valeur d’exemple/)
  })

  it.each([
    ['POSTGRES_PASSWORD', 'DATABASE_URL'],
    ['PAYLOAD_SECRET', 'PAYLOAD_SECRET'],
    ['MEILI_MASTER_KEY', 'MEILI_MASTER_KEY'],
  ])("refuse de démarrer quand %s garde la valeur d'exemple de .env.example", (nom, variable) => {
    const env = environnementApp({ ...valeursRemplies, [nom]: valeursExemple[nom]! })
    expect(variablesEnErreur(problemes(env))).toEqual([variable])
  })

  it('sans ANNUAIRE_DEMO dans .env, ni Compose ni la configuration n’amorcent de contacts fictifs', () => {
    const { ANNUAIRE_DEMO: _, ...sansDemo } = valeursRemplies
    expect(configurer(environnementApp(sansDemo)).annuaireDemo).toBe(false)
    const { ANNUAIRE_DEMO: __, ...envSansDemo } = environnementApp()
    expect(configurer(envSansDemo).annuaireDemo).toBe(false)
  })

  it('fournit chaque variable que la configuration exige en production', () => {
    // Ce que la configuration réclame quand on ne lui donne rien…
    const exigees = variablesEnErreur(problemes({}))
    expect(exigees).toContain('PAYLOAD_SECRET')
    const fournies = Object.keys(environnementApp())
    expect(fournies).toEqual(expect.arrayContaining(exigees))
    // …et chaque variable fournie dont l'absence la ferait échouer (exigences conditionnelles).
    const env = environnementApp()
    const indispensables = fournies.filter((k) => {
      const { [k]: _, ...sans } = env
      return problemes(sans).length > 0
    })
    expect(indispensables).toEqual(expect.arrayContaining(['PAYLOAD_SECRET', 'MEILI_MASTER_KEY']))
  })

  it('refuse de démarrer sans PAYLOAD_SECRET, avec une erreur en français qui la nomme', () => {
    const { PAYLOAD_SECRET: _, ...sansSecret } = environnementApp()
    expect(() => configurer(sansSecret)).toThrow(ErreurConfiguration)
    expect(() => configurer(sansSecret)).toThrow(/PAYLOAD_SECRET.*obligatoire en production/)
  })

  it("ne transmet que des variables connues de la configuration (pas de faute de frappe)", () => {
    const inconnues = Object.keys(environnementApp()).filter((k) => !variablesDuSchema.has(k))
    expect(variablesDuSchema.size).toBeGreaterThan(5)
    expect(inconnues).toEqual([])
  })
})

describe('Dockerfile', () => {
  it('est multi-étapes, sur Node 24 figé (bookworm-slim)', () => {
    expect(dockerfile.etapes.length).toBeGreaterThanOrEqual(3)
    const racineFinale = ligneeFinale[0]?.image ?? ''
    expect(racineFinale, "l'image finale doit dériver de Node 24").toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/)
    for (const etape of dockerfile.etapes) expect(etape.image).not.toMatch(/:latest$|^node$|^node:24(-|$)/)
  })

  it("installe avec npm ci après .dsfr.yml, et construit avec un secret jetable absent de l'image finale", () => {
    const etapeCi = dockerfile.etapes.find((e) => e.instructions.some((i) => i.mot === 'RUN' && /\bnpm ci\b/.test(i.args)))
    expect(etapeCi, 'aucune étape ne lance `npm ci`').toBeDefined()
    const ordre = lignee(dockerfile.etapes, etapeCi!).flatMap((e) => e.instructions)
    const copieDsfr = ordre.findIndex((i) => (i.mot === 'COPY' || i.mot === 'ADD') && /\.dsfr\.yml/.test(i.args))
    const ci = ordre.findIndex((i) => i.mot === 'RUN' && /\bnpm ci\b/.test(i.args))
    expect(copieDsfr, '.dsfr.yml doit être copié avant `npm ci` (preinstall de @gouvfr/dsfr)').toBeGreaterThanOrEqual(0)
    expect(copieDsfr).toBeLessThan(ci)

    const etapeBuild = dockerfile.etapes.find((e) => e.instructions.some((i) => i.mot === 'RUN' && /npm run build/.test(i.args)))
    expect(etapeBuild, 'aucune étape ne lance `npm run build`').toBeDefined()
    expect(etapeBuild).not.toBe(finale)
    const envBuild = variablesEnv(lignee(dockerfile.etapes, etapeBuild!).flatMap((e) => e.instructions))
    expect(envBuild.PAYLOAD_SECRET?.length ?? 0).toBeGreaterThanOrEqual(32)

    const envFinal = variablesEnv(instructionsFinales)
    expect(envFinal, "PAYLOAD_SECRET ne doit jamais être dans l'image finale").not.toHaveProperty('PAYLOAD_SECRET')
    expect(ligneeFinale, "l'image finale ne doit pas dériver de l'étape qui porte le secret jetable").not.toContain(etapeBuild)
    expect(dernieres('COPY').some((i) => new RegExp(`--from=${etapeBuild!.nom}\\b`).test(i.args))).toBe(true)
  })

  it("tourne sans root, avec l'environnement de production et un volume de données", () => {
    const utilisateur = dernieres('USER').at(-1)?.args
    expect(utilisateur, "l'étape finale doit définir USER").toBeDefined()
    expect(utilisateur).not.toMatch(/^(root|0)(:|$)/)
    const env = variablesEnv(instructionsFinales)
    expect(env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '3000', PASSERELLE_DONNEES: '/app/data' })
    expect(dernieres('WORKDIR').at(-1)?.args).toBe('/app')
    expect(dernieres('VOLUME').map((i) => i.args).join(' ')).toContain('/app/data')
    expect(dernieres('EXPOSE').map((i) => i.args).join(' ')).toMatch(/\b3000\b/)
    const commande = dernieres('CMD').at(-1)?.args ?? ''
    expect(commande).toContain('serveur/demarrer.ts')
    expect(commande).toContain('tsx')
  })

  it('a un HEALTHCHECK sur /sante, en Node (pas de curl dans une image slim)', () => {
    const sante = dernieres('HEALTHCHECK').at(-1)?.args ?? ''
    expect(sante, "l'étape finale doit définir HEALTHCHECK").not.toBe('')
    expect(sante).not.toMatch(/^NONE$/i)
    expect(sante).toMatch(/CMD\s+(\[\s*")?node\b/)
    expect(sante).toContain('/sante')
    expect(sante).not.toMatch(/\bcurl\b|\bwget\b/)
  })
})

describe('.gitignore', () => {
  it('ignore .env et ses variantes (.env.production…), jamais le modèle .env.example', () => {
    const ignore = (fichier: string) => spawnSync('git', ['check-ignore', '-q', fichier], { cwd: racine }).status === 0
    for (const fichier of ['.env', '.env.production', '.env.local']) expect(ignore(fichier), fichier).toBe(true)
    expect(ignore('.env.example')).toBe(false)
  })
})

describe('.dockerignore', () => {
  it("n'envoie ni dépendances, ni constructions, ni données, ni secrets", () => {
    const motifs = new Set(
      lire('.dockerignore')
        .split(/\r?\n/)
        .map((l) => l.trim().replace(/^\/+|\/+$/g, ''))
        .filter((l) => l && !l.startsWith('#')),
    )
    for (const motif of ['node_modules', 'data', 'dist', '.astro', 'cms/.next', '.git', 'tmp', '.env'])
      expect(motifs, `.dockerignore doit exclure ${motif}`).toContain(motif)
    expect(motifs, '.env.example ne doit pas être exclu').not.toContain('.env.example')
  })
})
