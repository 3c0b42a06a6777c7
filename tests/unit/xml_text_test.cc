#include "reports/xml_text.h"
#include "xml_text_checker.h"

#include <gtest/gtest.h>

#include <string>

namespace settle {
namespace {

using settle::testing::is_xml_text;

using namespace std::string_literals;

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

TEST(XmlSafeText, PlainAsciiIsUnchanged) {
  EXPECT_EQ(xml_safe_text("expected fulfilled 2 <&>\"'"), "expected fulfilled 2 <&>\"'");
}

TEST(XmlSafeText, EmptyStaysEmpty) { EXPECT_EQ(xml_safe_text(""), ""); }

TEST(XmlSafeText, TabNewlineAndReturnAreKept) {
  EXPECT_EQ(xml_safe_text("a\tb\nc\rd"), "a\tb\nc\rd");
}

TEST(XmlSafeText, ControlBytesAreEscapedAsHex) {
  EXPECT_EQ(xml_safe_text("a\x01"
                          "b\x1B"
                          "c\x1F"),
            "a\\x01b\\x1Bc\\x1F");
}

TEST(XmlSafeText, NulByteIsEscapedNotTruncated) { EXPECT_EQ(xml_safe_text("a\0b"s), "a\\x00b"); }

TEST(XmlSafeText, ValidMultibyteTextIsKept) {
  const std::string text = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE4\xB8\xAD";  // é € 😀 中
  EXPECT_EQ(xml_safe_text(text), text);
}

TEST(XmlSafeText, HighestCodePointIsKept) {
  EXPECT_EQ(xml_safe_text("\xF4\x8F\xBF\xBF"), "\xF4\x8F\xBF\xBF");  // U+10FFFF
}

TEST(XmlSafeText, LoneContinuationByteBecomesReplacement) {
  EXPECT_EQ(xml_safe_text("a\x80z"), "a" + kReplacement + "z");
}

TEST(XmlSafeText, TruncatedSequenceIsReplacedAndFollowingTextKept) {
  std::string out = xml_safe_text("a\xE2\x82z");  // € without its last byte
  EXPECT_TRUE(is_xml_text(out)) << out;
  EXPECT_EQ(out.rfind("a" + kReplacement, 0), 0u) << out;
  EXPECT_EQ(out.back(), 'z') << out;
  EXPECT_EQ(out.find('\x82'), std::string::npos) << out;
}

TEST(XmlSafeText, SequenceCutAtTheEndIsReplaced) {
  std::string out = xml_safe_text("ab\xF0\x9F\x98");
  EXPECT_TRUE(is_xml_text(out)) << out;
  EXPECT_EQ(out.rfind("ab" + kReplacement, 0), 0u) << out;
}

TEST(XmlSafeText, OverlongEncodingIsReplaced) {
  std::string out = xml_safe_text("\xC0\xAF|\xE0\x80\xAF");  // "/" written in two and three bytes
  EXPECT_TRUE(is_xml_text(out)) << out;
  EXPECT_EQ(out.find('/'), std::string::npos) << out;
  EXPECT_NE(out.find("|"), std::string::npos);
  EXPECT_EQ(out.rfind(kReplacement, 0), 0u) << out;
}

TEST(XmlSafeText, SurrogateEncodedInUtf8IsReplaced) {
  std::string out = xml_safe_text("x\xED\xA0\x80y");  // U+D800
  EXPECT_TRUE(is_xml_text(out)) << out;
  EXPECT_EQ(out.rfind("x" + kReplacement, 0), 0u) << out;
  EXPECT_EQ(out.back(), 'y');
}

TEST(XmlSafeText, CodePointBeyondUnicodeIsReplaced) {
  std::string out = xml_safe_text("\xF4\x90\x80\x80");  // U+110000
  EXPECT_TRUE(is_xml_text(out)) << out;
  EXPECT_EQ(out.rfind(kReplacement, 0), 0u) << out;
}

TEST(XmlSafeText, InvalidLeadBytesAreReplaced) {
  std::string out = xml_safe_text("\xFF\xFE");
  EXPECT_EQ(out, kReplacement + kReplacement);
}

TEST(XmlSafeText, NonCharacterFffeIsEscaped) {
  EXPECT_EQ(xml_safe_text("a\xEF\xBF\xBE"
                          "b"),
            "a\\uFFFEb");
}

TEST(XmlSafeText, NonCharacterFfffIsEscaped) {
  EXPECT_EQ(xml_safe_text("\xEF\xBF\xBF"), "\\uFFFF");
}

TEST(XmlSafeText, ReplacementCharacterItselfIsKept) {
  EXPECT_EQ(xml_safe_text(kReplacement), kReplacement);
}

TEST(XmlSafeText, OutputOfHostileBytesIsAlwaysXmlText) {
  std::string hostile;
  for (int byte = 0; byte < 256; ++byte) hostile += static_cast<char>(byte);
  hostile += "\xED\xBF\xBF\xEF\xBF\xBE\xC1\xBF\xF8\x88\x80\x80\x80";
  EXPECT_TRUE(is_xml_text(xml_safe_text(hostile)));
}

}  // namespace
}  // namespace settle
