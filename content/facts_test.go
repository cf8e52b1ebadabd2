package content

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// chapterFacts are language-neutral markers (numbers, API and product
// names) of facts the curriculum requires each chapter to teach. Both
// translations must carry every one, so neither language falls behind.
var chapterFacts = map[string][]string{
	"intro":           {"0.10", "0.60", "73", "ECS", "kops", "kubeadm", "eksctl", "CloudFormation", "Terraform", "CDK", "ECR", "ELB", "IAM", "VPC"},
	"control-plane":   {"etcd", "NLB", "Auto Scaling", "8 GiB", "1.28", "KMS", "CloudWatch", "requester", "Amazon EKS <cluster-name>"},
	"data-plane":      {"kubelet", "kube-proxy", "containerd", "aws-node", "− 1) + 2", "/28", "vpc-cni", "CoreDNS", "bootstrapSelfManagedAddons"},
	"node-types":      {"Fargate", "DaemonSet", "90%", "PodDisruptionBudget", "kubernetes.io/cluster/", "Auto Mode", "Karpenter", "EFS", "Bottlerocket"},
	"endpoint-access": {"endpointPublicAccess", "endpointPrivateAccess", "0.0.0.0/0", "enableDnsHostnames", "enableDnsSupport", "AmazonProvidedDNS", "40", "ecr.api", "ecr.dkr", "eks-auth", "nodeadm", "publicAccessCIDRs", "public_access_cidrs", "PublicAccessCidrs", "IGW", "NAT"},
	"iam-access":      {"AmazonEKSClusterPolicy", "AmazonEKSVPCResourceController", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonEKS_CNI_Policy", "CONFIG_MAP", "API_AND_CONFIG_MAP", "aws-auth", "AmazonEKSClusterAdminPolicy", "AmazonEKSViewPolicy", "IRSA", "Pod Identity", "get-token", "RBAC"},
	"networking":      {"LoadBalancer", "Classic", "ALB", "Ingress", "110", "250", "kubernetes.io/role/elb", "kubernetes.io/role/internal-elb", "instance"},
	"storage":         {"ReadWriteOnce", "ReadWriteMany", "EBS", "EFS", "FSx", "CSI", "1.30", "gp3", "gp2", "ebs.csi.aws.com", "StorageClass"},
	"getting-started": {"aws configure", "eksctl version", "ap-northeast-2", "t3.medium", "eksctl.io/v1alpha5", "withOIDC", "Single", "update-kubeconfig", "get-contexts", "nginx", "LoadBalancer", "eksctl delete cluster"},
	"cost":            {"0.60", "14", "12", "90%", "Fargate", "Cluster Autoscaler", "Karpenter", "Kubecost", "OpenCost", "NAT", "IPv4"},
}

func TestEveryChapterTeachesItsFactsInBothLanguages(t *testing.T) {
	for slug, facts := range chapterFacts {
		for _, lang := range []string{"ko", "en"} {
			b, err := fs.ReadFile(FS, lang+"/"+slug+".md")
			if !assert.NoError(t, err) {
				continue
			}
			for _, f := range facts {
				assert.True(t, strings.Contains(strings.ToLower(string(b)), strings.ToLower(f)), "%s/%s.md should teach %q", lang, slug, f)
			}
		}
	}
}
