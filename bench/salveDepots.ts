/**
 * Processus fils de `bench:saisines` : envoie des dépôts déjà écrits (autocannon,
 * CONNEXIONS clients simultanés) et rend le temps et le statut de chacun.
 *
 * Pourquoi un processus à part : envoyés du processus du banc (qui garde Payload
 * et tout ce qu'il a créé en mémoire), des dépôts isolés se lisaient en 230 à
 * 375 ms alors que le journal du serveur n'en comptait aucun au-delà de 62 ms,
 * et les 20 premiers en 300 ms. D'ici, ces écarts disparaissent : ce qu'on
 * mesure est le serveur, pas le client. Les formulaires sont écrits d'avance
 * par le banc pour la même raison : rien d'autre que l'envoi ne tourne ici.
 */
import autocannon from 'autocannon'
import { z } from 'zod'

const Ordre = z.object({
  url: z.string().url(),
  cookie: z.string(),
  connexions: z.number().int().min(1),
  corps: z.array(z.string()).min(1),
})
export type OrdreSalve = z.infer<typeof Ordre>
export type ResultatSalve = { temps: number[]; statuts: number[]; erreursReseau: number; erreur?: string }

const rendre = (r: ResultatSalve) => process.send!(r, () => process.exit(0))

process.once('message', (message) => {
  const lu = Ordre.safeParse(message)
  if (!lu.success) return rendre({ temps: [], statuts: [], erreursReseau: 0, erreur: `ordre invalide : ${lu.error.issues[0]?.path.join('.')}` })
  const o = lu.data
  const temps: number[] = []
  const statuts: number[] = []
  let erreursReseau = 0
  let suivant = 0
  const instance = autocannon(
    {
      url: `${o.url}/espace/saisines/nouvelle`,
      method: 'POST',
      connections: o.connexions,
      amount: o.corps.length,
      headers: { cookie: o.cookie, origin: o.url, 'content-type': 'application/x-www-form-urlencoded' },
      requests: [{ setupRequest: (req) => ({ ...req, body: o.corps[suivant++ % o.corps.length] }) }],
    },
    (erreur) => rendre({ temps, statuts, erreursReseau, erreur: erreur?.message }),
  )
  instance.on('response', (_client, statut, _octets, tempsMs) => {
    temps.push(tempsMs)
    statuts.push(statut)
  })
  instance.on('reqError', () => erreursReseau++)
})
