// En premier : sous un Node trop ancien, rien d'autre n'est chargé.
import './versionNode'

import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { empreinteDuCode, ENTREES_ADMIN } from '../socle/publication/empreinte'

/**
 * Construction de l'admin (Next) : faite seulement si son code a changé depuis
 * la dernière fois, pour que `npm start` redémarre en quelques secondes.
 */
const fichierEmpreinte = (racine: string) => path.join(racine, 'cms', '.next', 'passerelle-empreinte.txt')

export function adminAJour(racine: string): boolean {
  const f = fichierEmpreinte(racine)
  return existsSync(f) && readFileSync(f, 'utf8').trim() === empreinteDuCode(racine, ENTREES_ADMIN)
}

export function executer(commande: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resoudre, rejeter) => {
    const enfant = spawn(commande, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'inherit' })
    enfant.on('error', rejeter)
    enfant.on('close', (code) => (code === 0 ? resoudre() : rejeter(new Error(`${path.basename(args[0] ?? commande)} a échoué (code ${code})`))))
  })
}

export async function construireAdmin(racine: string, { forcer = false, secret }: { forcer?: boolean; secret: string }): Promise<boolean> {
  if (!forcer && adminAJour(racine)) return false
  const empreinte = empreinteDuCode(racine, ENTREES_ADMIN)
  await executer(process.execPath, [path.join(racine, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', 'cms'], {
    cwd: racine,
    // Next construit en mode production, où le secret est exigé : celui de la configuration est transmis.
    // PASSERELLE_ENVIRONNEMENT garde l'environnement voulu : NODE_ENV=production n'est ici qu'un mode de construction.
    env: {
      ...process.env,
      PASSERELLE_ENVIRONNEMENT: process.env.PASSERELLE_ENVIRONNEMENT ?? process.env.NODE_ENV ?? 'development',
      PAYLOAD_SECRET: secret,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  })
  writeFileSync(fichierEmpreinte(racine), empreinte)
  return true
}

// `npm run build` : force la reconstruction de l'admin (le portail est publié au démarrage).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { configuration } = await import('../socle/configuration')
  const config = configuration()
  construireAdmin(config.racine, { forcer: true, secret: config.secret }).then(
    () => console.log('Admin construite.'),
    (e) => {
      console.error(e.message)
      process.exit(1)
    },
  )
}
