<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>AgreementDialog</name>
    <message numerus="yes">
      <source>%1 of %n document(s) compared</source>
      <translation>
        <numerusform>%1 of %n document compared</numerusform>
        <numerusform>%1 of %n documents compared</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n character(s)</source>
      <translation>
        <numerusform>%n character</numerusform>
        <numerusform>%n characters</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n coder(s)</source>
      <translation>
        <numerusform>%n coder</numerusform>
        <numerusform>%n coders</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n disagreement(s): double-click one to open its unit in the article</source>
      <translation>
        <numerusform>%n disagreement: double-click one to open its unit in the article</numerusform>
        <numerusform>%n disagreements: double-click one to open its unit in the article</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n paragraph(s)</source>
      <translation>
        <numerusform>%n paragraph</numerusform>
        <numerusform>%n paragraphs</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sentence(s)</source>
      <translation>
        <numerusform>%n sentence</numerusform>
        <numerusform>%n sentences</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AgreementModels</name>
    <message numerus="yes">
      <source>Every (unit, code) pair of the %n code(s) used is one judgement</source>
      <translation>
        <numerusform>Every (unit, code) pair of the %n code used is one judgement</numerusform>
        <numerusform>Every (unit, code) pair of the %n codes used is one judgement</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Overall (%n code(s) used)</source>
      <translation>
        <numerusform>Overall (%n code used)</numerusform>
        <numerusform>Overall (%n codes used)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ChineseTools</name>
    <message numerus="yes">
      <source>%1 from %n code(s)</source>
      <translation>
        <numerusform>%1 from %n code</numerusform>
        <numerusform>%1 from %n codes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n new proposal(s)</source>
      <translation>
        <numerusform>%n new proposal</numerusform>
        <numerusform>%n new proposals</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CodeTableTab</name>
    <message numerus="yes">
      <source>%n passage(s); parent codes count their sub-codes' passages too.</source>
      <translation>
        <numerusform>%n passage; parent codes count their sub-codes' passages too.</numerusform>
        <numerusform>%n passages; parent codes count their sub-codes' passages too.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CodebookModel</name>
    <message numerus="yes">
      <source>%n including sub-codes</source>
      <translation>
        <numerusform>%n including sub-codes</numerusform>
        <numerusform>%n including sub-codes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) with this code</source>
      <translation>
        <numerusform>%n passage with this code</numerusform>
        <numerusform>%n passages with this code</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CoderListModel</name>
    <message numerus="yes">
      <source>%1 (%n passage(s))</source>
      <translation>
        <numerusform>%1 (%n passage)</numerusform>
        <numerusform>%1 (%n passages)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExchangeReport</name>
    <message numerus="yes">
      <source>%n attribute value(s).</source>
      <translation>
        <numerusform>%n attribute value.</numerusform>
        <numerusform>%n attribute values.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s)</source>
      <translation>
        <numerusform>%n code</numerusform>
        <numerusform>%n codes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) added</source>
      <translation>
        <numerusform>%n code added</numerusform>
        <numerusform>%n codes added</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n coder(s)</source>
      <translation>
        <numerusform>%n coder</numerusform>
        <numerusform>%n coders</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n document</numerusform>
        <numerusform>%n documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n memo(s).</source>
      <translation>
        <numerusform>%n memo.</numerusform>
        <numerusform>%n memos.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s)</source>
      <translation>
        <numerusform>%n passage</numerusform>
        <numerusform>%n passages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unchanged.</source>
      <translation>
        <numerusform>%n unchanged.</numerusform>
        <numerusform>%n unchanged.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>%n updated</numerusform>
        <numerusform>%n updated</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(%n with memos)</source>
      <translation>
        <numerusform>(%n with memos)</numerusform>
        <numerusform>(%n with memos)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Code “%1” has sub-codes and %n passage(s) of its own: QualCoder 3.8 imports it as a category holding the sub-codes, plus a plain code of the same name that gets these passages.</source>
      <translation>
        <numerusform>Code “%1” has sub-codes and %n passage of its own: QualCoder 3.8 imports it as a category holding the sub-codes, plus a plain code of the same name that gets these passages.</numerusform>
        <numerusform>Code “%1” has sub-codes and %n passages of its own: QualCoder 3.8 imports it as a category holding the sub-codes, plus a plain code of the same name that gets these passages.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExchangeReportDialog</name>
    <message numerus="yes">
      <source>%n warning(s): what another tool is known to change or drop when it imports this file. The file holds everything.</source>
      <translation>
        <numerusform>%n warning: what another tool is known to change or drop when it imports this file. The file holds everything.</numerusform>
        <numerusform>%n warnings: what another tool is known to change or drop when it imports this file. The file holds everything.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExchangeTools</name>
    <message numerus="yes">
      <source>%n code(s)</source>
      <translation>
        <numerusform>%n code</numerusform>
        <numerusform>%n codes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) added</source>
      <translation>
        <numerusform>%n code added</numerusform>
        <numerusform>%n codes added</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) written to %1</source>
      <translation>
        <numerusform>%n code written to %1</numerusform>
        <numerusform>%n codes written to %1</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n document</numerusform>
        <numerusform>%n documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s)</source>
      <translation>
        <numerusform>%n passage</numerusform>
        <numerusform>%n passages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) written to %1</source>
      <translation>
        <numerusform>%n passage written to %1</numerusform>
        <numerusform>%n passages written to %1</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>%n updated</numerusform>
        <numerusform>%n updated</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n code(s)</source>
      <translation>
        <numerusform>%n code</numerusform>
        <numerusform>%n codes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n code(s) added</source>
      <translation>
        <numerusform>%n code added</numerusform>
        <numerusform>%n codes added</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n document</numerusform>
        <numerusform>%n documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s)</source>
      <translation>
        <numerusform>%n passage</numerusform>
        <numerusform>%n passages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>%n updated</numerusform>
        <numerusform>%n updated</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MergeFlow</name>
    <message numerus="yes">
      <source>%n code(s), no passages.</source>
      <translation>
        <numerusform>%n code, no passages.</numerusform>
        <numerusform>%n codes, no passages.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s)</source>
      <translation>
        <numerusform>%n document</numerusform>
        <numerusform>%n documents</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PassagesPane</name>
    <message numerus="yes">
      <source>%n passage(s) coded “%1”</source>
      <translation>
        <numerusform>%n passage coded “%1”</numerusform>
        <numerusform>%n passages coded “%1”</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) in this document</source>
      <translation>
        <numerusform>%n passage in this document</numerusform>
        <numerusform>%n passages in this document</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SearchPanel</name>
    <message numerus="yes">
      <source>%1 in %n document(s)</source>
      <translation>
        <numerusform>%1 in %n document</numerusform>
        <numerusform>%1 in %n documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1; %n already coded so</source>
      <translation>
        <numerusform>%1; %n already coded so</numerusform>
        <numerusform>%1; %n already coded so</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n document(s) not indexed yet.</source>
      <translation>
        <numerusform>%n document not indexed yet.</numerusform>
        <numerusform>%n documents not indexed yet.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n match(es)</source>
      <translation>
        <numerusform>%n match</numerusform>
        <numerusform>%n matches</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n passage(s) coded “%1”</source>
      <translation>
        <numerusform>%n passage coded “%1”</numerusform>
        <numerusform>%n passages coded “%1”</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ShowCodersMenu</name>
    <message numerus="yes">
      <source>%1 (%n passage(s))</source>
      <translation>
        <numerusform>%1 (%n passage)</numerusform>
        <numerusform>%1 (%n passages)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SuggestDialog</name>
    <message numerus="yes">
      <source>%n keyword proposal(s) ranked by the model.</source>
      <translation>
        <numerusform>%n keyword proposal ranked by the model.</numerusform>
        <numerusform>%n keyword proposals ranked by the model.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n proposal(s) added to the review queue.</source>
      <translation>
        <numerusform>%n proposal added to the review queue.</numerusform>
        <numerusform>%n proposals added to the review queue.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TableModels</name>
    <message numerus="yes">
      <source>%1 × %2: %n unit(s)</source>
      <translation>
        <numerusform>%1 × %2: %n unit</numerusform>
        <numerusform>%1 × %2: %n units</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TeamTools</name>
    <message numerus="yes">
      <source>Showing %1 of %n coder(s)</source>
      <translation>
        <numerusform>Showing %1 of %n coder</numerusform>
        <numerusform>Showing %1 of %n coders</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>WordFrequencyDialog</name>
    <message numerus="yes">
      <source>%n different</source>
      <translation>
        <numerusform>%n different</numerusform>
        <numerusform>%n different</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n word(s) counted</source>
      <translation>
        <numerusform>%n word counted</numerusform>
        <numerusform>%n words counted</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>XYTab</name>
    <message numerus="yes">
      <source>%n unit(s) with codes of both dimensions; a cell's tooltip lists its units.</source>
      <translation>
        <numerusform>%n unit with codes of both dimensions; a cell's tooltip lists its units.</numerusform>
        <numerusform>%n units with codes of both dimensions; a cell's tooltip lists its units.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>and %n more</source>
      <translation>
        <numerusform>and %n more</numerusform>
        <numerusform>and %n more</numerusform>
      </translation>
    </message>
  </context>
</TS>
