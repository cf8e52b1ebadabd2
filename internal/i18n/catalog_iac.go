package i18n

// The words of moving between the lab and real configuration
// (internal/iac): format names, where in a paste, and one sentence per
// import error code ("iac.error.<CODE>") and per kind of value a place
// wants ("iac.want.<kind>"). A sentence's verbs take the error's fields
// in the order importMessage in web/handle_iac.go passes them; inserted values
// come before a colon or in parentheses, so no Korean particle follows
// them.
func init() { part(iacEN, iacKO) }

var iacEN = map[string]string{
	"iac.format.eksctl":         "eksctl ClusterConfig",
	"iac.format.aws-cli":        "AWS CLI",
	"iac.format.terraform":      "Terraform",
	"iac.format.cloudformation": "CloudFormation",
	"iac.at.line":               "line %d",
	"iac.export.title":          "Copy this configuration",
	"iac.import.title":          "Check my cluster",
	"iac.error.export":          "There is no export format %q: use one of %s.",
	"iac.error.noText":          "The JSON body has no text: send {\"text\": \"...\"} with the paste, or the paste itself as the body.",

	"iac.error.EMPTY":          "Nothing was pasted. Paste the output of aws eks describe-cluster, AWS CLI commands, an eksctl ClusterConfig, a CloudFormation template (JSON or YAML) or a Terraform file.",
	"iac.error.TOO_LARGE":      "The paste has %s bytes, more than the %s the lab reads: paste only the part that describes the cluster.",
	"iac.error.UNKNOWN_FORMAT": "This is not a format the lab reads. Paste the output of aws eks describe-cluster, AWS CLI commands (aws eks update-cluster-config), an eksctl ClusterConfig, a CloudFormation template or a Terraform file.",
	"iac.error.SYNTAX":         "The paste could not be parsed (the parser says: %s). Fix that place and paste it again.",
	"iac.error.NO_CLUSTER":     "This %s describes no EKS cluster (looked for %s): paste the part with the cluster.",
	"iac.error.MANY_CLUSTERS":  "The paste describes more than one EKS cluster (%s and %s): paste one at a time.",
	"iac.error.BAD_TYPE":       "%s has the value %q, but the lab needs %s there.",
	"iac.error.NOT_LITERAL":    "%s is a reference or function (%s) the lab cannot evaluate: write the value itself.",
	"iac.error.CONFLICT":       "%s says %s, but %s says %s: the lab models one cluster, so make them agree.",
	"iac.error.BAD_VALUE":      "%s: %q is not accepted (accepted: %s).",
	"iac.error.BAD_VALUE.lab":  "The paste has values the lab does not accept; each is listed below with what is accepted.",

	"iac.want.bool":          "true or false",
	"iac.want.string":        "a string",
	"iac.want.list":          "a list",
	"iac.want.mapping":       "a mapping (an object)",
	"iac.want.literal":       "a value written out",
	"iac.want.vpc-attribute": `{"Value":true} or {"Value":false}`,
	"iac.want.value":         "a value after the option",
	"iac.want.shorthand":     "key=value pairs separated by commas",
}

var iacKO = map[string]string{
	"iac.format.eksctl":         "eksctl ClusterConfig",
	"iac.format.aws-cli":        "AWS CLI",
	"iac.format.terraform":      "Terraform",
	"iac.format.cloudformation": "CloudFormation",
	"iac.at.line":               "%d번째 줄",
	"iac.export.title":          "이 구성 복사하기",
	"iac.import.title":          "내 클러스터 확인하기",
	"iac.error.export":          "내보내기 형식 %q: 없는 형식입니다. %s 중 하나를 써 주세요.",
	"iac.error.noText":          "JSON 본문에 text가 없습니다. 붙여 넣은 내용을 {\"text\": \"...\"}에 담아 보내거나, 내용 자체를 본문으로 보내 주세요.",

	"iac.error.EMPTY":          "붙여 넣은 내용이 없습니다. aws eks describe-cluster의 출력, AWS CLI 명령, eksctl ClusterConfig, CloudFormation 템플릿(JSON 또는 YAML), Terraform 파일 중 하나를 붙여 넣어 주세요.",
	"iac.error.TOO_LARGE":      "붙여 넣은 내용이 %s바이트로, 실습에서 읽는 한도(%s바이트)를 넘습니다. 클러스터를 설명하는 부분만 붙여 넣어 주세요.",
	"iac.error.UNKNOWN_FORMAT": "실습에서 읽을 수 있는 형식이 아닙니다. aws eks describe-cluster의 출력, AWS CLI 명령(aws eks update-cluster-config), eksctl ClusterConfig, CloudFormation 템플릿, Terraform 파일 중 하나를 붙여 넣어 주세요.",
	"iac.error.SYNTAX":         "붙여 넣은 내용을 구문 분석하지 못했습니다(파서 메시지: %s). 그 위치를 고친 뒤 다시 붙여 넣어 주세요.",
	"iac.error.NO_CLUSTER":     "이 %s 내용에는 EKS 클러스터가 없습니다(찾은 항목: %s). 클러스터가 들어 있는 부분을 붙여 넣어 주세요.",
	"iac.error.MANY_CLUSTERS":  "붙여 넣은 내용에 EKS 클러스터가 둘 이상 있습니다(%s, %s). 한 번에 하나씩 붙여 넣어 주세요.",
	"iac.error.BAD_TYPE":       "%s: 값 %q의 형식이 맞지 않습니다. 이 자리에는 %s 값을 넣어 주세요.",
	"iac.error.NOT_LITERAL":    "%s: 실습에서 계산할 수 없는 참조나 함수(%s)입니다. 값을 직접 써 주세요.",
	"iac.error.CONFLICT":       "%s의 값(%s)과 %s의 값(%s)이 서로 다릅니다. 실습은 클러스터 하나를 다루므로 두 값을 맞춰 주세요.",
	"iac.error.BAD_VALUE":      "%s: %q 값은 쓸 수 없습니다(가능한 값: %s).",
	"iac.error.BAD_VALUE.lab":  "붙여 넣은 내용에 실습에서 받지 않는 값이 있습니다. 값마다 가능한 값을 아래에 적었습니다.",

	"iac.want.bool":          "true 또는 false",
	"iac.want.string":        "문자열",
	"iac.want.list":          "목록",
	"iac.want.mapping":       "매핑(오브젝트)",
	"iac.want.literal":       "직접 쓴",
	"iac.want.vpc-attribute": `{"Value":true} 또는 {"Value":false}`,
	"iac.want.value":         "옵션 뒤에 오는",
	"iac.want.shorthand":     "쉼표로 구분한 key=value 쌍",
}
