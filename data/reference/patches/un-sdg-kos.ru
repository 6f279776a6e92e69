# Corrections to the UN SDG Knowledge Organization System (data/reference/un-sdg-kos/),
# applied to the reference graph each time it is loaded (spkg.patches); the source files stay
# byte for byte as published (their sha256 is in un-sdg-kos/SOURCE.md).
#
# Source:  UNStats/LOD4Stats, sdg-data/sdg-kos-goals-targets-indicators.ttl
#          (snapshot 0ae578bacb1f4339596f5a6a19338457e4b22ba3, 2020-05-28)
# Licence: "The SDG Knowledge Organization System, accessible at http://metadata.un.org/sdg,
#          is made available free of charge and may be copied freely, duplicated and further
#          distributed with the following citation: Amit Joshi, Luis Gonzalez Morales, Szymon
#          Klarman, and Aaron Helton. 2019. A Knowledge Organization System for the United
#          Nations Sustainable Development Goals. New York, NY. http://metadata.un.org/sdg"
#
# SKOS allows one skos:prefLabel per language (shapes/labels.ttl, spkgsh:PrefLabelled-label,
# sh:uniqueLang). The published file gives three concepts two or three in one language.
# Every triple a DELETE DATA names must be in the source: a stale patch is an error, so a
# corrected upstream release shows up instead of being patched twice.

PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sdg:  <http://metadata.un.org/sdg/>

# Target 12.3 (food waste).
# - "By 2030,d"@en is the English label cut off after its first words: dropped.
# - The full English label lacks the space after "By 2030,": corrected.
# - "Tableau de bord macroéconomique"@fr and "Tablero macroeconómico"@es ("macroeconomic
#   dashboard") are the labels of indicator 17.13.1 (sdg:C171301, which has them too),
#   attached to 12.3 by mistake: dropped.
DELETE DATA {
  sdg:12.3 skos:prefLabel "By 2030,d"@en ,
      "By 2030,halve per capita global food waste at the retail and consumer levels and reduce food losses along production and supply chains, including post-harvest losses"@en ,
      "Tableau de bord macroéconomique"@fr ,
      "Tablero macroeconómico"@es .
} ;
INSERT DATA {
  sdg:12.3 skos:prefLabel "By 2030, halve per capita global food waste at the retail and consumer levels and reduce food losses along production and supply chains, including post-harvest losses"@en .
} ;

# Indicator 1.5.1 / 11.5.1 / 13.1.1 (sdg:C200303).
# - Two French labels that differ only by a trailing space: the spaced copy is dropped.
# - Two Spanish labels, "… por cada 100.000 habitantes" (the wording of the UN's Spanish
#   indicator list, kept) and "… por cada 100.000 personas": the second is an alternative
#   name, so it becomes a skos:altLabel.
DELETE DATA {
  sdg:C200303 skos:prefLabel "Nombre de personnes décédées, disparues ou directement touchées lors de catastrophes, pour 100 000 personnes "@fr ,
      "Número de personas muertas, desaparecidas y afectadas directamente atribuido a desastres por cada 100.000 personas"@es .
} ;
INSERT DATA {
  sdg:C200303 skos:altLabel "Número de personas muertas, desaparecidas y afectadas directamente atribuido a desastres por cada 100.000 personas"@es .
} ;

# Indicator 1.5.3 / 11.b.1 / 13.1.2 (sdg:C200304).
# - A copy of the French label with a trailing space: dropped.
# - An earlier French wording ("… réduction des risques, conformément …", with a trailing
#   space): an alternative name, kept as a skos:altLabel without the space.
DELETE DATA {
  sdg:C200304 skos:prefLabel "Nombre de pays ayant adopté et mis en place des stratégies nationales de réduction des risques de catastrophe, conformément au Cadre de Sendai pour la réduction des risques de catastrophe (2015‑2030) "@fr ,
      "Nombre de pays ayant adopté et mis en place des stratégies nationales de réduction des risques, conformément au Cadre de Sendai pour la réduction des risques de catastrophe (2015‑2030) "@fr .
} ;
INSERT DATA {
  sdg:C200304 skos:altLabel "Nombre de pays ayant adopté et mis en place des stratégies nationales de réduction des risques, conformément au Cadre de Sendai pour la réduction des risques de catastrophe (2015‑2030)"@fr .
} ;

# Target 17.13 (macroeconomic stability).
# - The French label breaks off after "la coordination et la" and continues with the end of
#   an English indicator name ("and domestic material consumption per GDP"): replaced by the
#   French text of target 17.13 in the 2030 Agenda (A/RES/70/1), which the English and
#   Spanish labels translate.
DELETE DATA {
  sdg:17.13 skos:prefLabel "Renforcer la stabilité macroéconomique mondiale, notamment en favorisant la coordination et la  and domestic material consumption per GDP"@fr .
} ;
INSERT DATA {
  sdg:17.13 skos:prefLabel "Renforcer la stabilité macroéconomique mondiale, notamment en favorisant la coordination et la cohérence des politiques"@fr .
}
