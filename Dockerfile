# syntax=docker/dockerfile:1.17.1
#
# (Ci-dessus : l'interpréteur de ce fichier est lui aussi une image, épinglée
# comme les autres ; tests/unit/images-epinglees.test.ts refuse toute image
# sans version exacte.)
#
# Image de production de Passerelle : un seul processus Node (serveur/demarrer.ts)
# sert l'admin Payload (Next), le portail Astro publié et ses routes à la demande.
#
# Au démarrage, le serveur applique les migrations, amorce le contenu, reconstruit
# l'admin seulement si son code a changé (ce n'est pas le cas : elle est construite
# ici), puis publie le portail avec `astro build` dans /app/data/publication.
# Ces constructions à l'exécution expliquent deux choix inhabituels :
#   - l'image garde node_modules complet (astro, next, typescript, vite…) ;
#   - /app appartient à l'utilisateur `node` (caches de Next dans cms/.next, de
#     Vite/Astro dans node_modules et .astro), le processus ne tourne pas en root.
#
# Construction : docker compose build   (ou : docker build -t passerelle .)

# Version de Node figée (pas de « latest », pas de « 24 » flottant) : même
# moteur en développement, en intégration continue et en production.
FROM node:24.21.0-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    ASTRO_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# ---------------------------------------------------------------------------
# 1. Dépendances : `npm ci` strictement selon package-lock.json.
# .dsfr.yml doit précéder `npm ci` : le script « preinstall » de @gouvfr/dsfr
# vérifie l'acceptation des conditions d'utilisation du DSFR et s'arrête sinon.
# Les dépendances de développement sont gardées : typescript est nécessaire à
# `next build`, que le serveur relance si le code de l'admin a changé.
FROM base AS deps
COPY package.json package-lock.json .dsfr.yml ./
RUN npm ci

# ---------------------------------------------------------------------------
# 2. Construction de l'admin Next (`npm run build` → cms/.next).
FROM deps AS build
# Secret JETABLE, propre à cette étape : `next build` charge la configuration,
# qui exige un secret en mode production. Il ne sert qu'à construire, n'est
# jamais utilisé pour signer quoi que ce soit et n'existe pas dans l'image
# finale (qui ne dérive pas de cette étape). Le vrai secret est fourni à
# l'exécution par PAYLOAD_SECRET (voir .env.example).
ENV PAYLOAD_SECRET=construction-seulement-pas-un-vrai-secret-0000000000000000000000 \
    PASSERELLE_DONNEES=/tmp/passerelle-construction
COPY . .
# L'empreinte écrite dans cms/.next/passerelle-empreinte.txt correspond au code
# copié : au démarrage du conteneur, l'admin est reconnue à jour (pas de rebuild).
RUN npm run build \
 && rm -rf /tmp/passerelle-construction cms/.next/cache

# ---------------------------------------------------------------------------
# 3. Image finale : l'application construite, exécutée par `node` (non root).
FROM base AS production
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PASSERELLE_DONNEES=/app/data

# Client PostgreSQL de la MÊME version majeure que le serveur de docker-compose.yml
# (postgres:17) : `npm run sauvegarde` (pg_dump) et `npm run restauration`
# (pg_restore, psql) refusent un serveur plus récent qu'eux. Debian bookworm
# n'a que la 15 : dépôt officiel PGDG, par le script de postgresql-common.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends postgresql-client-17 \
 && rm -rf /var/lib/apt/lists/*

COPY --from=build --chown=node:node /app /app

# Le dossier de données est créé AVANT la déclaration du volume et appartient à
# `node` : un volume nommé neuf hérite de ces droits. (Avec un montage d'un
# dossier de l'hôte, donnez-le à l'uid 1000 : chown -R 1000:1000 <dossier>.)
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data

USER node
EXPOSE 3000

# Santé : Node lui-même (pas de curl dans les images « slim »). Le premier
# démarrage (migrations, amorçage, publication du portail) peut prendre
# quelques minutes, d'où la longue période de grâce.
# /sante/pret : prêt à servir (base, index de recherche, portail publié) ; /sante dit seulement que le processus répond.
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/sante/pret',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# `node --import tsx` plutôt que `npm start` ou `npx tsx` : Node est le
# processus principal et reçoit directement SIGTERM (arrêt propre du serveur et
# de la publication en cours), sans intermédiaire npm qui le masquerait.
CMD ["node", "--import", "tsx", "serveur/demarrer.ts"]
