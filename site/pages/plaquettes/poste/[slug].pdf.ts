import type { APIRoute, GetStaticPaths } from 'astro'

import { permanenceDepuisDocument } from '../../../../cms/collections/Permanences/versDomaine'
import type { Permanence as DocumentPermanence, Poste } from '../../../../cms/payload-types'
import { libellePermanence, lirePermanence } from '../../../../domaine/permanences'
import { type DonneesPlaquette, plaquettePoste } from '../../../../domaine/plaquettes/pdf'
import { id, payload, postes, referentiel, sites } from '../../../lib/cms'
import { nomCommune } from '../../../lib/libelles'
import { estAnnulee, permanencesPubliees } from '../../../lib/permanences'

/**
 * Plaquette PDF d'un poste d'intervenant social, produite à chaque publication
 * du portail (rebâti à chaque modification du CMS et chaque jour) : elle suit
 * donc les coordonnées, les lieux et rythmes des permanences et porte sa date
 * de génération.
 */
export const getStaticPaths: GetStaticPaths = async () => (await postes()).map((p) => ({ params: { slug: p.slug }, props: { poste: p } }))

const UNITES = new Set(['commissariat', 'compagnie', 'brigade'])

export const GET: APIRoute = async ({ props, site: adresseSite }) => {
  const poste = props.poste as Poste
  const generation = new Date()
  const tousSites = await sites()
  const parId = new Map(tousSites.map((s) => [s.id, s]))
  const couverts = new Set((poste.sites ?? []).map(id))

  const docs = (
    await (await payload()).find({ collection: 'permanences', where: { poste: { equals: poste.id } }, pagination: false, depth: 0, overrideAccess: false })
  ).docs as DocumentPermanence[]
  const aujourdhui = generation.toISOString().slice(0, 10)
  const ordre = (d: DocumentPermanence) => tousSites.findIndex((s) => s.id === id(d.site))
  const permanences = docs
    .filter((d) => !d.dateFin || d.dateFin.slice(0, 10) >= aujourdhui)
    .sort((a, b) => ordre(a) - ordre(b))
    .map((d) => {
      const lieu = parId.get(id(d.site) as number)
      let rythme = d.libelle ?? 'à préciser'
      try {
        rythme = libellePermanence(lirePermanence(permanenceDepuisDocument(d as never)))
      } catch {
        // Permanence mal saisie : on garde le libellé calculé par le CMS.
      }
      return { lieu: lieu?.nom ?? String(id(d.site)), adresse: lieu?.adresse ?? undefined, rythme }
    })

  const { occurrences, lieux } = await permanencesPubliees()
  const siennes = occurrences
    .filter((o) => o.poste === poste.id && !estAnnulee(o))
    .map((o) => ({ debut: o.debut, fin: o.fin, lieu: lieux.get(o.site)?.nom ?? String(o.site) }))

  const donnees: DonneesPlaquette = {
    secteur: poste.secteur,
    telephone: poste.telephone ?? undefined,
    courriel: poste.courriel ?? undefined,
    presentation: poste.presentation ?? undefined,
    unites: tousSites.filter((s) => couverts.has(s.id) && UNITES.has(s.type)).map((s) => ({ nom: s.nom, commune: nomCommune(s.commune) || undefined })),
    permanences,
    occurrences: siennes,
    urgences: (await referentiel('numero-urgence'))
      .filter((r) => r.numero)
      .map((r) => ({ numero: r.numero!, libelle: r.libelle, description: r.description ?? undefined })),
    adresse: adresseSite ? new URL(`/postes/${poste.slug}`, adresseSite).href : undefined,
  }
  return new Response(await plaquettePoste(donnees, { generation }), { headers: { 'Content-Type': 'application/pdf' } })
}
