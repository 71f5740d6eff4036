// extract mode on four real pages of the html-articles set and one Common Crawl page (golden/README.md): sentences of
// each article are there, the page's menus, footers and widgets are not, and the whole text matches the reviewed
// expected file (CORPUSFLOW_UPDATE_GOLDEN=1 rewrites it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "stages/html/html_text.h"
#include "tests/support/files.h"

namespace corpusflow {
namespace {

struct GoldenPage {
  std::string name;
  std::string title;
  std::string language;
  std::vector<std::string> article;      // sentences of the main text, as the page shows them
  std::vector<std::string> boilerplate;  // menu entries, footer lines, widgets of the same page
};

std::string golden(const std::string& file) { return std::string(CORPUSFLOW_GOLDEN_DIR) + "/" + file; }

const std::vector<GoldenPage>& golden_pages() {
  static const std::vector<GoldenPage> pages = {
      {"0ec95c7261d1",
       "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유 - Entermedia",
       "ko",
       {"엘제이의 리벤지인가, 류화영의 피해자 코스프레인가. 시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다.",
        "여론공방이나 진흙탕 싸움이 아닌 좀 더 차분하게 사안들을 들여다봐야 할 필요가 있다."},
       {"전체뉴스", "TV일반", "정석희칼럼", "청소년보호책임자", "All right reserved"}},
      {"57b4dafd18cf",
       "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen",
       "en",  // what the German page declares: a hint, which language ID may overrule
       {"Die Digitalisierung als Wachstums- und Entwicklungstreiber zieht sich bereits heute durch fast alle Branchen",
        "Im Bereich der Gesundheitsversorgung in Krankenhäusern ist dieser Aspekt ein besonders wichtiger.",
        "für nachhaltige Kostenersparnisse im Gesundheitssektor."},
       {"Zurück zur Übersicht", "Impressum", "Datenschutz", "Hanauer Landstr.", "Referenzen"}},
      {"3252222e61fe",
       "A Fantástica Loja dos Materiais Educativos - Como Educar Seus Filhos",
       "pt-BR",
       {"O prof. Carlos Nadalim apresenta, neste vídeo, uma loja incrível nos EUA, repleta de materiais didáticos",
        "um cronômetro para que pais e professores saibam quantas palavras seus filhos e alunos estão lendo por "
        "minuto."},
       {"Pular para o conteúdo", "Boas-vindas", "Messenger Facebook", "5 Dicas para Pais com Filhos Desobedientes",
        "rogai por nós"}},
      {"21486419bb10",
       "Jangan Membenci Satu Kaum Secara Berlebihan",
       "id",
       {"Jangan lebay dalam mencintai atau membenci sesuatu. Biasa biasa saja.",
        "Al-Hasan Al-Bashri ra berkata, “Hendaknya kalian mencintai jangan berlebihan dan membenci tidak "
        "berlebihan."},
       {"Beranda", "Entries RSS", "Cara Nabi Menjaga Kesehatan dan Berobat", "Blog di WordPress.com",
        "blogger menyukai ini"}},
      // A MediaWiki article from Common Crawl: a notice box, an info box and heavily linked prose split by
      // headings with edit links; the notice once won over the article.
      {"a68245ba44bc",
       "Escopete - Biquipedia, a enciclopedia libre",
       "an",
       {"Escopete ye un municipio d'a provincia de Guadalachara, en a comunidat autonoma de Castiella-La Mancha, "
        "Espanya, comarca de La Alcarria y partiu chudicial de Guadalachara.",
        "Ye situato a 860 metros d'altaria sobre o ran d'a mar, a una distancia de 47 km de Guadalachara",
        "Escopete ye citato en as Relaciones Topográficas de los pueblos de Espanya",
        "Ilesia parroquial de l'Asunción, d'estilo romanico"},
       {"Ir al contenido", "Portalada", "Asturianu", "Brezhoneg", "Herramientas", "editar | modificar o codigo",
        "Zaguera edición d'ista pachina"}},
  };
  return pages;
}

class GoldenPages : public ::testing::TestWithParam<size_t> {};

TEST_P(GoldenPages, ArticleInBoilerplateOut) {
  const GoldenPage& page = golden_pages()[GetParam()];
  const std::string html = testing::read_file(golden(page.name + ".html"));
  const HtmlText result = extract_html(html, HtmlMode::extract);
  EXPECT_EQ(result.title, page.title);
  EXPECT_EQ(result.language_hint.substr(0, page.language.size()), page.language);
  for (const std::string& sentence : page.article) {
    EXPECT_NE(result.text.find(sentence), std::string::npos) << page.name << ": missing " << sentence;
  }
  for (const std::string& furniture : page.boilerplate) {
    EXPECT_EQ(result.text.find(furniture), std::string::npos) << page.name << ": kept " << furniture;
  }
  // Text mode has the same sentences and the furniture too.
  const HtmlText all = extract_html(html, HtmlMode::text);
  for (const std::string& text : page.article) EXPECT_NE(all.text.find(text), std::string::npos) << text;
  for (const std::string& text : page.boilerplate) EXPECT_NE(all.text.find(text), std::string::npos) << text;
  EXPECT_LT(result.text.size(), all.text.size());

  const std::string expected_file = golden(page.name + ".extract.txt");
  if (std::getenv("CORPUSFLOW_UPDATE_GOLDEN") != nullptr) {
    testing::write_file(expected_file, result.text + "\n");
    return;
  }
  EXPECT_EQ(result.text + "\n", testing::read_file(expected_file)) << "golden " << expected_file;
}

INSTANTIATE_TEST_SUITE_P(Pages, GoldenPages, ::testing::Range<size_t>(0, 5));

}  // namespace
}  // namespace corpusflow
