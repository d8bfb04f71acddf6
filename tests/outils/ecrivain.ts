import { obtenirPayload } from '../../cms/base'

/**
 * Second processus qui écrit dans la même base que le test (comme un amorçage
 * ou un import lancé pendant que le serveur tourne). Usage : ecrivain.ts préfixe nombre
 */
const [prefixe, nombre] = process.argv.slice(2)
const payload = await obtenirPayload()
let echecs = 0
// Huit écritures en parallèle, comme un serveur qui reçoit plusieurs requêtes.
const indices = Array.from({ length: Number(nombre) }, (_, i) => i)
await Promise.all(Array.from({ length: 8 }, async () => {
  for (let i = indices.shift(); i !== undefined; i = indices.shift()) {
  try {
    await payload.create({
      collection: 'referentiels',
      data: { referentiel: 'problematique', code: `${prefixe}-${i}`, libelle: `Écriture concurrente ${i}` },
      context: { sansPublication: true },
    })
  } catch (e) {
    echecs++
    console.error((e as Error).message)
  }
  }
}))
console.log(JSON.stringify({ echecs }))
process.exit(0)
