package content

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	icontent "github.com/ekstutor/ekstutor/internal/content"
)

// chapterFacts are language-neutral markers (numbers, API and product
// names) of facts the curriculum requires each chapter to teach. Both
// translations must carry every one, so neither language falls behind.
var chapterFacts = map[string][]string{
	"intro": {"0.10", "0.60", "73", "ECS", "kops", "kubeadm", "eksctl", "CloudFormation", "Terraform", "CDK", "ECR", "ELB", "IAM", "VPC", "2026"},
	"control-plane": {"etcd", "NLB", "Auto Scaling", "8 GB", "16 GB", "Provisioned Control Plane", "update-cluster-version", "1.28", "KMS", "CloudWatch", "requester",
		"Amazon EKS <cluster-name>", "eks-cluster-sg-"},
	"data-plane": {"kubelet", "kube-proxy", "containerd", "aws-node", "− 1) + 2", "/28", "vpc-cni", "CoreDNS", "bootstrapSelfManagedAddons",
		"ENIConfig", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "− 1) × (", "kubectl attach", "kubectl cp", "port-forward", "Hybrid Nodes"},
	"node-types": {"Fargate", "DaemonSet", "90%", "PodDisruptionBudget", "kubernetes.io/cluster/", "Auto Mode", "Karpenter", "Hybrid Nodes", "HYBRID_LINUX",
		"API_AND_CONFIG_MAP", "EFS", "FSx for Lustre", "Bottlerocket", "Amazon Linux 2023", "AL2", "1.33", "256 MB"},
	"endpoint-access": {"endpointPublicAccess", "endpointPrivateAccess", "0.0.0.0/0", "enableDnsHostnames", "enableDnsSupport", "AmazonProvidedDNS", "40", "ecr.api",
		"ecr.dkr", "eks-auth", "nodeadm", "publicAccessCIDRs", "public_access_cidrs", "PublicAccessCidrs", "IGW", "NAT", "Fargate",
		"eks-cluster-sg-", "10250", "443", "eks.<region>.amazonaws.com", "create-access-entry", "Hybrid Nodes"},
	"iam-access": {"AmazonEKSClusterPolicy", "AmazonEKSVPCResourceController", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonEKS_CNI_Policy",
		"CONFIG_MAP", "API_AND_CONFIG_MAP", "aws-auth", "AmazonEKSClusterAdminPolicy", "AmazonEKSViewPolicy", "IRSA", "Pod Identity", "get-token", "RBAC",
		"STANDARD", "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "HYBRID_LINUX", "`EC2`", "bootstrapClusterCreatorAdminPermissions", "OIDC",
		"associate-identity-provider-config", "Auto Mode"},
	"networking": {"LoadBalancer", "Classic", "ALB", "Ingress", "110", "250", "kubernetes.io/role/elb", "kubernetes.io/role/internal-elb", "instance",
		"v2.12.1", "aws-load-balancer-type", "NetworkPolicy", "Gateway API", "Auto Mode"},
	"storage": {"ReadWriteOnce", "ReadWriteMany", "EBS", "EFS", "FSx", "CSI", "1.30", "gp3", "gp2", "ebs.csi.aws.com", "StorageClass",
		"ebs.csi.eks.amazonaws.com", "Multi-Attach", "Mountpoint", "volumeHandle", "Fargate"},
	"getting-started": {"aws configure", "eksctl version", "ap-northeast-2", "t3.medium", "eksctl.io/v1alpha5", "withOIDC", "Single", "update-kubeconfig",
		"get-contexts", "nginx", "LoadBalancer", "eksctl delete cluster", `version: "1.36"`, "describe-cluster-versions", "STANDARD_SUPPORT", "2026"},
	"cost": {"0.60", "14", "12", "90%", "Fargate", "Cluster Autoscaler", "Karpenter", "Kubecost", "OpenCost", "NAT", "IPv4",
		"Provisioned Control Plane", "Auto Mode", "2026"},
}

// chapterFactsByLang are facts whose proof is a phrase, so each language
// states it in its own words.
var chapterFactsByLang = map[string]map[string][]string{
	"control-plane": {
		"en": {"7 days", "rollback"},
		"ko": {"7일", "롤백"},
	},
	"data-plane": {
		"en": {"at least six", "webhook", "primary ENI"},
		"ko": {"최소 6개", "웹훅", "기본 ENI"},
	},
	"node-types": {
		"en": {"static provisioning", "rounded up"},
		"ko": {"정적 프로비저닝", "올림"},
	},
	"endpoint-access": {
		"en": {"access entry", "management API", "DNS forwarding"},
		"ko": {"액세스 항목", "관리 API", "DNS 포워딩"},
	},
	"iam-access": {
		"en": {"cannot be turned off"},
		"ko": {"끌 수 없"},
	},
	"networking": {
		"en": {"cloud controller manager", "regional NAT gateway", "cross-AZ"},
		"ko": {"클라우드 컨트롤러 매니저", "리전 NAT 게이트웨이", "가용 영역 간"},
	},
	"storage": {
		"en": {"static provisioning"},
		"ko": {"정적 프로비저닝"},
	},
	"cost": {
		"en": {"regional NAT gateway", "rollback"},
		"ko": {"리전 NAT 게이트웨이", "롤백"},
	},
}

// staleFacts are things the chapters used to say that are no longer true,
// or were never verified. Neither language may say them again.
var staleFacts = map[string][]string{
	"getting-started": {`version: "1.34"`},
	"control-plane":   {"8 GiB", "quorum", "majority", "과반수", "Raft"},
	"endpoint-access": {"CloudShell", `"Connect"`},
	"node-types":      {"Three ways", "three ways", "세 가지입니다"},
}

func chapter(t *testing.T, lang, slug string) string {
	t.Helper()
	b, err := fs.ReadFile(FS, lang+"/"+slug+".md")
	if !assert.NoError(t, err) {
		return ""
	}
	return strings.ToLower(string(b))
}

func TestEveryChapterTeachesItsFactsInBothLanguages(t *testing.T) {
	for slug, facts := range chapterFacts {
		for _, lang := range []string{"ko", "en"} {
			text := chapter(t, lang, slug)
			for _, f := range facts {
				assert.True(t, strings.Contains(text, strings.ToLower(f)), "%s/%s.md should teach %q", lang, slug, f)
			}
			for _, f := range chapterFactsByLang[slug][lang] {
				assert.True(t, strings.Contains(text, strings.ToLower(f)), "%s/%s.md should teach %q", lang, slug, f)
			}
		}
	}
}

func TestNoChapterRepeatsAStaleFact(t *testing.T) {
	for slug, stale := range staleFacts {
		for _, lang := range []string{"ko", "en"} {
			b, err := fs.ReadFile(FS, lang+"/"+slug+".md")
			if !assert.NoError(t, err) {
				continue
			}
			for _, s := range stale {
				assert.False(t, strings.Contains(string(b), s), "%s/%s.md still says %q", lang, slug, s)
			}
		}
	}
}

// glossaryTerms are the terms the curriculum adds to the glossary.
var glossaryTerms = []string{"auto-mode", "hybrid-nodes", "cluster-security-group", "standard-extended-support", "provisioned-control-plane", "regional-nat-gateway"}

func TestGlossaryHasTheCurrentTerms(t *testing.T) {
	b, err := fs.ReadFile(FS, glossaryFile)
	assert.NoError(t, err)
	var entries []struct {
		ID string `yaml:"id"`
		EN struct {
			Def string `yaml:"def"`
		} `yaml:"en"`
		KO struct {
			Def string `yaml:"def"`
		} `yaml:"ko"`
	}
	assert.NoError(t, yaml.Unmarshal(b, &entries))
	byID := map[string]int{}
	for i, e := range entries {
		byID[e.ID] = i
	}
	for _, id := range glossaryTerms {
		_, ok := byID[id]
		assert.True(t, ok, "glossary should define %q", id)
	}
	// Hybrid nodes run outside any VPC, so the data plane is not "always in your VPC".
	if i, ok := byID["data-plane"]; assert.True(t, ok) {
		assert.Contains(t, entries[i].EN.Def, "hybrid")
		assert.Contains(t, entries[i].KO.Def, "하이브리드")
	}
}

// anyDiagram accepts every diagram block: the web package checks that they
// name real views; here only links, anchors and translations matter.
type anyDiagram struct{}

func (anyDiagram) RenderBlock(string, icontent.Block) (string, error) {
	return "<figure></figure>", nil
}

// The loader checks every chapter link, heading anchor, glossary link and
// translation, as the server does at start.
func TestEmbeddedContentLoads(t *testing.T) {
	_, err := icontent.Load(FS, icontent.Options{Blocks: anyDiagram{}})
	assert.NoError(t, err)
}

// Reading times are computed from the text in each language; a chapter
// and its translation should agree within two minutes.
func TestReadingTimesAgreeAcrossLanguages(t *testing.T) {
	lib, err := icontent.Load(FS, icontent.Options{Blocks: anyDiagram{}})
	require.NoError(t, err)
	for _, en := range lib.Chapters("en") {
		ko, ok := lib.Chapter("ko", en.Slug)
		require.True(t, ok, en.Slug)
		assert.InDelta(t, en.Minutes, ko.Minutes, 2, en.Slug)
		assert.GreaterOrEqual(t, en.Minutes, 3, "%s: a whole chapter reads in minutes, not seconds", en.Slug)
	}
}
